namespace Scaffolder.Api.Tests.Infrastructure;

/// <summary>A small, realistic catalog: kinds, relations, labels, tags and dotted annotation keys.</summary>
public static class CatalogSeed
{
    public const string Yaml = """
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: team-a
        spec:
          type: team
          children: []
          members: [alice]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Group
        metadata:
          name: team-b
        spec:
          type: team
          children: []
        ---
        apiVersion: backstage.io/v1alpha1
        kind: User
        metadata:
          name: alice
        spec:
          memberOf: [team-a]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: System
        metadata:
          name: payments
        spec:
          owner: team-a
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: checkout
          title: Checkout service
          tags: [java, payments]
          labels:
            tier: gold
          annotations:
            backstage.io/techdocs-ref: dir:.
            github.com/project-slug: acme/checkout
        spec:
          type: service
          lifecycle: production
          owner: team-a
          system: payments
          providesApis: [checkout-api]
          dependsOn: [resource:default/orders-db]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: Cart
          tags: [java]
        spec:
          type: service
          lifecycle: experimental
          owner: team-b
          consumesApis: [checkout-api]
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: storefront
          tags: [typescript]
        spec:
          type: website
          lifecycle: production
          owner: team-b
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Component
        metadata:
          name: payments-lib
          namespace: libs
        spec:
          type: library
          lifecycle: production
          owner: group:default/team-a
        ---
        apiVersion: backstage.io/v1alpha1
        kind: API
        metadata:
          name: checkout-api
        spec:
          type: openapi
          lifecycle: production
          owner: team-a
          system: payments
          definition: "openapi: 3.0.0"
        ---
        apiVersion: backstage.io/v1alpha1
        kind: Resource
        metadata:
          name: orders-db
        spec:
          type: database
          owner: team-a
        """;

    /// <summary>Refs of every entity the seed produces (the generated Location entity excluded).</summary>
    public static readonly string[] Refs =
    [
        "group:default/team-a", "group:default/team-b", "user:default/alice", "system:default/payments",
        "component:default/checkout", "component:default/cart", "component:default/storefront", "component:libs/payments-lib",
        "api:default/checkout-api", "resource:default/orders-db",
    ];
}
