namespace Scaffolder.Catalog.Model;

/// <summary>Backstage's relation type names (catalog-model <c>relations.ts</c>).</summary>
public static class RelationTypes
{
    public const string OwnedBy = "ownedBy";
    public const string OwnerOf = "ownerOf";
    public const string ConsumesApi = "consumesApi";
    public const string ApiConsumedBy = "apiConsumedBy";
    public const string ProvidesApi = "providesApi";
    public const string ApiProvidedBy = "apiProvidedBy";
    public const string DependsOn = "dependsOn";
    public const string DependencyOf = "dependencyOf";
    public const string ParentOf = "parentOf";
    public const string ChildOf = "childOf";
    public const string MemberOf = "memberOf";
    public const string HasMember = "hasMember";
    public const string PartOf = "partOf";
    public const string HasPart = "hasPart";
}
