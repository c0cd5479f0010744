using System.Globalization;
using System.Text;
using Scaffolder.Templating.Runtime;
using Scaffolder.Templating.Runtime.JavaScript;

namespace Scaffolder.Templating.Backstage;

/// <summary>
/// The filters Backstage's scaffolder adds to Nunjucks: <c>parseRepoUrl</c>, <c>projectSlug</c>,
/// <c>parseEntityRef</c> and <c>pick</c>, with the results and error messages of Backstage's code.
/// </summary>
internal static class BackstageFilters
{
    public static Dictionary<string, JsFunction> Create(Func<string, string?> integrationType)
    {
        return new Dictionary<string, JsFunction>(StringComparer.Ordinal)
        {
            ["parseRepoUrl"] = new("parseRepoUrl", (_, _, a) => ParseRepoUrl(a[0], integrationType)),
            ["projectSlug"] = new("projectSlug", (_, _, a) =>
            {
                var repo = ParseRepoUrl(a[0], integrationType);
                return JsValues.ToJsString(repo["owner"]) + "/" + JsValues.ToJsString(repo["repo"]);
            }),
            ["parseEntityRef"] = new("parseEntityRef", (_, _, a) => ParseEntityRef(a[0], a[1])),
            ["pick"] = new("pick", (_, _, a) => Pick(a[0], a[1], a[2])),
        };
    }

    /// <summary>The SCM integration type of the well-known public hosts (Backstage's defaults).</summary>
    public static string? DefaultIntegrationType(string host) => host switch
    {
        "github.com" => "github",
        "gitlab.com" => "gitlab",
        "bitbucket.org" => "bitbucket",
        "dev.azure.com" => "azure",
        _ => null,
    };

    /// <summary>
    /// <c>parseRepoUrl</c>: the RepoUrlPicker value <c>host?owner=o&amp;repo=r...</c> read as
    /// <c>https://</c> + value; parameters are trimmed of slashes and checked per integration type.
    /// </summary>
    private static TemplateObject ParseRepoUrl(object? value, Func<string, string?> integrationType)
    {
        var repoUrl = JsValues.ToJsString(value);
        if (!Uri.TryCreate("https://" + repoUrl, UriKind.Absolute, out var url) || url.Host.Length == 0)
        {
            throw new JsTypeError($"Invalid repo URL passed to publisher, got {repoUrl}, TypeError: Invalid URL");
        }

        var host = url.IsDefaultPort ? url.Host : url.Authority;
        var type = integrationType(host)
            ?? throw new JsTypeError($"No matching integration configuration for host {host}, please check your integrations config");
        var query = ParseQuery(url.Query);
        string? Param(string name) => query.TryGetValue(name, out var v) ? v.Trim('/') : null;
        void Require(params string[] names)
        {
            foreach (var name in names)
            {
                if (!query.TryGetValue(name, out var v) || v.Length == 0)
                {
                    throw new JsTypeError($"Invalid repo URL passed to publisher: {url.AbsoluteUri}, missing {name}");
                }
            }
        }

        switch (type)
        {
            case "bitbucket":
                if (host == "www.bitbucket.org")
                {
                    Require("workspace");
                }

                Require("project", "repo");
                break;
            case "azure":
                Require("project", "repo");
                break;
            case "gitlab":
                if (Param("project") is null or "")
                {
                    Require("owner", "repo");
                }

                break;
            case "gitea" or "gerrit":
                Require("repo");
                break;
            default:
                Require("repo", "owner");
                break;
        }

        // Absent parameters are undefined in Backstage's result, so they are left out.
        var result = new TemplateObject();
        result.SetValue("host", host);
        foreach (var name in (string[])["owner", "repo", "organization", "workspace", "project"])
        {
            if (Param(name) is { } parameter)
            {
                result.SetValue(name, parameter);
            }
        }

        return result;
    }

    /// <summary>URLSearchParams: <c>+</c> is a space, percent escapes decoded, the first occurrence wins.</summary>
    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }

            var equals = pair.IndexOf('=');
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            result.TryAdd(name, value);
        }

        return result;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    /// <summary>
    /// <c>parseEntityRef</c> (catalog-model): <c>[kind:][namespace/]name</c> or a compound object, with
    /// optional <c>{ defaultKind, defaultNamespace }</c>; the namespace defaults to <c>default</c>.
    /// </summary>
    private static TemplateObject ParseEntityRef(object? reference, object? context)
    {
        if (!JsValues.IsTruthy(reference))
        {
            throw new JsTypeError("Entity reference must not be empty");
        }

        var defaultKind = Member(context, "defaultKind");
        var defaultNamespace = Member(context, "defaultNamespace") is { } ns && JsValues.IsTruthy(ns) ? ns : "default";
        object? kind, @namespace, name;
        if (reference is string text)
        {
            var colon = text.IndexOf(':');
            var slash = text.IndexOf('/');
            if (slash != -1 && slash < colon)
            {
                colon = -1;
            }

            var parsedKind = colon == -1 ? null : text[..colon];
            var parsedNamespace = slash == -1 ? null : text[(colon + 1)..slash];
            var parsedName = text[(Math.Max(colon + 1, slash + 1))..];
            if (parsedKind == string.Empty || parsedNamespace == string.Empty || parsedName.Length == 0)
            {
                throw new JsTypeError($"Entity reference \"{text}\" was not on the form [<kind>:][<namespace>/]<name>");
            }

            kind = parsedKind ?? defaultKind;
            @namespace = parsedNamespace ?? defaultNamespace;
            name = parsedName;
        }
        else
        {
            kind = NotNullish(Member(reference, "kind")) ?? defaultKind;
            @namespace = NotNullish(Member(reference, "namespace")) ?? defaultNamespace;
            name = Member(reference, "name");
        }

        if (!JsValues.IsTruthy(kind))
        {
            throw new JsTypeError($"Entity reference {JsJson.Stringify(reference)} had missing or empty kind (e.g. did not start with \"component:\" or similar)");
        }

        if (!JsValues.IsTruthy(@namespace))
        {
            throw new JsTypeError($"Entity reference {JsJson.Stringify(reference)} had missing or empty namespace");
        }

        if (!JsValues.IsTruthy(name))
        {
            throw new JsTypeError($"Entity reference {JsJson.Stringify(reference)} had missing or empty name");
        }

        var result = new TemplateObject(3);
        result.SetValue("kind", kind);
        result.SetValue("namespace", @namespace);
        result.SetValue("name", name);
        return result;
    }

    private static object? NotNullish(object? value) => JsValues.IsNullish(value) ? null : value;

    private static object? Member(object? target, string name) =>
        target is not null && target is not JsNull && ObjectAccess.TryGetMember(target, name, out var value) ? value : null;

    /// <summary>
    /// <c>pick</c> is lodash's <c>get(object, path, default)</c>: a dotted/bracketed path
    /// (<c>a.b[0].c</c>, <c>a["b.c"]</c>) or an array of keys; a key equal to the whole path wins.
    /// </summary>
    private static object? Pick(object? target, object? path, object? fallback)
    {
        object? current = target;
        var keys = PathKeys(target, path);
        if (keys.Count == 0)
        {
            return fallback;
        }

        foreach (var key in keys)
        {
            if (JsValues.IsNullish(current))
            {
                return fallback;
            }

            current = Lookup(current!, key);
        }

        return current ?? fallback;
    }

    private static object? Lookup(object target, string key)
    {
        if (target is string text)
        {
            return key == "length" ? (double)text.Length
                : int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < text.Length ? text[i].ToString() : null;
        }

        if (JsValues.IsArray(target))
        {
            if (key == "length")
            {
                return (double)ObjectAccess.ListCount(target);
            }

            return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? ObjectAccess.ListItem(target, index) : null;
        }

        return ObjectAccess.TryGetMember(target, key, out var value) ? value : null;
    }

    private static List<string> PathKeys(object? target, object? path)
    {
        if (JsValues.IsArray(path))
        {
            return ObjectAccess.Enumerate(path!).Select(JsValues.ToJsString).ToList();
        }

        var text = JsValues.ToJsString(path);
        if (target is not null && JsValues.IsObject(target) && ObjectAccess.HasMember(target, text))
        {
            return [text];
        }

        if (!text.Contains('.') && !text.Contains('['))
        {
            return [text];
        }

        return ParsePath(text);
    }

    /// <summary>lodash's stringToPath: names between dots, and bracketed indexes or quoted keys.</summary>
    private static List<string> ParsePath(string path)
    {
        var keys = new List<string>();
        var current = new StringBuilder();
        var i = 0;
        if (path.StartsWith('.'))
        {
            keys.Add(string.Empty);
        }

        while (i < path.Length)
        {
            var c = path[i];
            if (c == '.')
            {
                if (current.Length > 0 || (i > 0 && path[i - 1] == '.'))
                {
                    keys.Add(current.ToString());
                }

                current.Clear();
                i++;
            }
            else if (c == '[')
            {
                if (current.Length > 0)
                {
                    keys.Add(current.ToString());
                    current.Clear();
                }

                var close = path.IndexOf(']', i + 1);
                if (close < 0)
                {
                    current.Append(path, i, path.Length - i);
                    break;
                }

                var inner = path[(i + 1)..close];
                if (inner.Length >= 2 && inner[0] is '"' or '\'' && inner[^1] == inner[0])
                {
                    inner = inner[1..^1].Replace("\\" + inner[0], inner[0].ToString(), StringComparison.Ordinal);
                }

                keys.Add(inner);
                i = close + 1;
            }
            else
            {
                current.Append(c);
                i++;
            }
        }

        if (current.Length > 0 || path.EndsWith('.'))
        {
            keys.Add(current.ToString());
        }

        return keys;
    }
}
