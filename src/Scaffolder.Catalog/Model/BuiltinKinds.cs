using System.Text.Json.Nodes;
using Scaffolder.Catalog.Relations;
using Scaffolder.Catalog.Validation;
using static Scaffolder.Catalog.Model.RelationTypes;
using static Scaffolder.Catalog.Validation.SpecFieldType;

namespace Scaffolder.Catalog.Model;

/// <summary>
/// The kinds of Backstage's catalog-model (<c>backstage.io/v1alpha1</c> and <c>v1beta1</c>) and the
/// scaffolder's <c>Template</c> (<c>scaffolder.backstage.io/v1beta3</c>), with their relation fields.
/// </summary>
public static class BuiltinKinds
{
    private static readonly string[] BackstageVersions = ["backstage.io/v1alpha1", "backstage.io/v1beta1"];

    public static readonly KindDefinition Component = new(
        "Component",
        BackstageVersions,
        [
            new("type", NonEmptyString, Required: true), new("lifecycle", NonEmptyString, Required: true), new("owner", NonEmptyString, Required: true),
            new("system", NonEmptyString), new("subcomponentOf", NonEmptyString), new("providesApis", StringList), new("consumesApis", StringList),
            new("dependsOn", StringList), new("dependencyOf", StringList),
        ],
        [
            new("owner", OwnedBy, OwnerOf, "Group"),
            new("subcomponentOf", PartOf, HasPart, "Component"),
            new("providesApis", ProvidesApi, ApiProvidedBy, "API"),
            new("consumesApis", ConsumesApi, ApiConsumedBy, "API"),
            new("dependsOn", DependsOn, DependencyOf, null),
            new("dependencyOf", DependencyOf, DependsOn, null),
            new("system", PartOf, HasPart, "System"),
        ]);

    public static readonly KindDefinition Api = new(
        "API",
        BackstageVersions,
        [
            new("type", NonEmptyString, Required: true), new("lifecycle", NonEmptyString, Required: true), new("owner", NonEmptyString, Required: true),
            new("definition", NonEmptyString, Required: true), new("system", NonEmptyString),
        ],
        [new("owner", OwnedBy, OwnerOf, "Group"), new("system", PartOf, HasPart, "System")]);

    public static readonly KindDefinition Resource = new(
        "Resource",
        BackstageVersions,
        [
            new("type", NonEmptyString, Required: true), new("owner", NonEmptyString, Required: true), new("dependsOn", StringList),
            new("dependencyOf", StringList), new("system", NonEmptyString),
        ],
        [
            new("owner", OwnedBy, OwnerOf, "Group"),
            new("dependsOn", DependsOn, DependencyOf, null),
            new("dependencyOf", DependencyOf, DependsOn, null),
            new("system", PartOf, HasPart, "System"),
        ]);

    public static readonly KindDefinition System = new(
        "System",
        BackstageVersions,
        [new("owner", NonEmptyString, Required: true), new("domain", NonEmptyString), new("type", NonEmptyString)],
        [new("owner", OwnedBy, OwnerOf, "Group"), new("domain", PartOf, HasPart, "Domain")]);

    public static readonly KindDefinition Domain = new(
        "Domain",
        BackstageVersions,
        [new("owner", NonEmptyString, Required: true), new("subdomainOf", NonEmptyString), new("type", NonEmptyString)],
        [new("owner", OwnedBy, OwnerOf, "Group"), new("subdomainOf", PartOf, HasPart, "Domain")]);

    public static readonly KindDefinition Group = new(
        "Group",
        BackstageVersions,
        [
            new("type", NonEmptyString, Required: true), new("children", StringList, Required: true), new("profile", Profile),
            new("parent", NonEmptyString), new("members", StringList),
        ],
        [
            new("parent", ChildOf, ParentOf, "Group"),
            new("children", ParentOf, ChildOf, "Group"),
            new("members", HasMember, MemberOf, "User"),
        ]);

    public static readonly KindDefinition User = new(
        "User",
        BackstageVersions,
        [new("memberOf", StringList, Required: true), new("profile", Profile)],
        [new("memberOf", MemberOf, HasMember, "Group")]);

    public static readonly KindDefinition Location = new(
        "Location",
        BackstageVersions,
        [
            new("type", NonEmptyString), new("target", NonEmptyString), new("targets", StringList),
            new("presence", NonEmptyString, AllowedValues: ["required", "optional"]),
        ],
        []);

    public static readonly KindDefinition Template = new(
        "Template",
        ["scaffolder.backstage.io/v1beta3"],
        [
            new("type", NonEmptyString, Required: true), new("owner", NonEmptyString), new("parameters", ObjectOrArray),
            new("steps", AnyArray, Required: true), new("output", AnyObject), new("presentation", AnyObject),
        ],
        [new("owner", OwnedBy, OwnerOf, "Group")])
    {
        ExtraRules = TemplateStepRules,
    };

    public static IReadOnlyList<KindDefinition> All { get; } = [Component, Api, Resource, System, Domain, Group, User, Location, Template];

    private static IEnumerable<string> TemplateStepRules(JsonObject spec)
    {
        if (spec["steps"] is not JsonArray steps)
        {
            yield break;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var path = $"/spec/steps/{i}";
            if (steps[i] is not JsonObject step)
            {
                yield return JsonShape.WrongType(path, "object");
                continue;
            }

            if (!step.ContainsKey("action"))
            {
                yield return JsonShape.Required(path, "action");
            }
            else
            {
                var problems = new List<string>();
                JsonShape.CheckNonEmptyString(step["action"], $"{path}/action", problems);
                foreach (var problem in problems)
                {
                    yield return problem;
                }
            }

            if (step["input"] is { } input && input is not JsonObject)
            {
                yield return JsonShape.WrongType($"{path}/input", "object");
            }
        }
    }
}
