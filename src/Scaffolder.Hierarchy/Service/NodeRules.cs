using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Validation;
using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Model;

namespace Scaffolder.Hierarchy.Service;

/// <summary>Field rules of nodes. Names follow Backstage's entity name rules because every node is also a catalog entity.</summary>
public static class NodeRules
{
    public const int MaxKeyLength = 128;
    public const int MaxTagValueLength = 256;

    public static void CheckName(string name, string path)
    {
        if (!FieldFormats.IsValidObjectName(name))
        {
            throw new InputError(
                $"Invalid {path}.name \"{name}\": expected {FieldFormats.ObjectNameExpectation} (it is also the node's catalog entity name)");
        }
    }

    public static void CheckNamespace(string @namespace, string path)
    {
        if (!FieldFormats.IsValidNamespace(@namespace))
        {
            throw new InputError($"Invalid {path}.namespace \"{@namespace}\": expected {FieldFormats.DnsLabelExpectation}");
        }
    }

    public static void CheckKey(string key, string what)
    {
        if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl) || key.Trim() != key)
        {
            throw new InputError(
                $"Invalid {what} key \"{key}\": expected 1 to {MaxKeyLength} characters without control characters or surrounding spaces");
        }
    }

    public static void CheckTags(IReadOnlyDictionary<string, string> tags, string path)
    {
        foreach (var (key, value) in tags)
        {
            CheckKey(key, $"{path}.tags");
            if (value.Length > MaxTagValueLength || value.Any(char.IsControl))
            {
                throw new InputError(
                    $"Invalid value of {path}.tags.{key}: expected at most {MaxTagValueLength} characters without control characters");
            }
        }
    }

    public static void CheckConfig(IReadOnlyDictionary<string, JsonNode> config, string path)
    {
        foreach (var key in config.Keys)
        {
            CheckKey(key, $"{path}.config");
        }
    }

    public static void CheckLocked(LockedKeys locked, string path)
    {
        foreach (var key in locked.Tags)
        {
            CheckKey(key, $"{path}.locked.tags");
        }

        foreach (var key in locked.Config)
        {
            CheckKey(key, $"{path}.locked.config");
        }
    }

    /// <summary>
    /// The canonical ref of an owner (<c>group:default/team-a</c>): a Group or User, kind and
    /// namespace defaulting to Group and the node's namespace, as Backstage resolves <c>spec.owner</c>.
    /// </summary>
    public static string CanonicalOwner(string owner, string @namespace, string path)
    {
        if (!EntityRef.TryParse(owner, out var parsed, out var error, "group", @namespace))
        {
            throw new InputError($"Invalid {path}.owner: {error}");
        }

        if (!parsed.Kind.Equals("group", StringComparison.OrdinalIgnoreCase) && !parsed.Kind.Equals("user", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputError($"Invalid {path}.owner \"{owner}\": an owner is a Group or a User, not a {parsed.Kind}");
        }

        if (!FieldFormats.IsValidObjectName(parsed.Name) || !FieldFormats.IsValidNamespace(parsed.Namespace.ToLowerInvariant()))
        {
            throw new InputError($"Invalid {path}.owner \"{owner}\": not a valid entity reference");
        }

        return parsed.ToString();
    }
}
