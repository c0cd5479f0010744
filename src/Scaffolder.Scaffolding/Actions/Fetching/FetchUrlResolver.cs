using System.Text.RegularExpressions;
using Scaffolder.Scaffolding.Actions.Inputs;

namespace Scaffolder.Scaffolding.Actions.Fetching;

/// <summary>
/// Resolves a <c>fetch:*</c> <c>url</c> input as Backstage does: an absolute URL as is, anything else
/// relative to the template's base URL (<c>templateInfo.baseUrl</c>, the location of its
/// <c>template.yaml</c>). Local paths must stay inside the template's folder or a configured root;
/// remote URLs must be <c>http(s)</c> on an allowed host.
/// </summary>
public sealed partial class FetchUrlResolver(FetchOptions options)
{
    public FetchLocation Resolve(string url, TemplateInfo template, StepInput input, string inputName = "url")
    {
        if (string.IsNullOrWhiteSpace(url) || url.Contains('\0', StringComparison.Ordinal))
        {
            throw input.Error(inputName, "must be a URL or a path relative to the template");
        }

        if (SchemePrefix().IsMatch(url))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var absolute))
            {
                throw input.Error(inputName, $"'{url}' is not a valid URL");
            }

            return absolute.Scheme switch
            {
                "file" => Local(absolute.LocalPath, templateFolder: null, url, input, inputName),
                "http" or "https" => Remote(absolute, url, input, inputName),
                _ => throw input.Error(inputName, $"'{url}' uses the scheme '{absolute.Scheme}'; use a path relative to the template, a file: URL or an http(s) URL"),
            };
        }

        if (string.IsNullOrWhiteSpace(template.BaseUrl))
        {
            throw input.Error(inputName, $"'{url}' is relative, but template {template.EntityRef} has no base URL to resolve it against; give an absolute URL");
        }

        if (!Uri.TryCreate(template.BaseUrl, UriKind.Absolute, out var baseUrl))
        {
            throw input.Error(inputName, $"'{url}' is relative, but the template's base URL '{template.BaseUrl}' is not a URL");
        }

        if (baseUrl.IsFile)
        {
            var folder = Path.GetDirectoryName(baseUrl.LocalPath) ?? Path.GetPathRoot(baseUrl.LocalPath)!;
            if (Path.IsPathRooted(url))
            {
                throw input.Error(inputName, $"'{url}' is an absolute path; give a path relative to the template or a file: URL");
            }

            return Local(Path.Combine(folder, url), folder, url, input, inputName);
        }

        if (baseUrl.Scheme is "http" or "https")
        {
            return Remote(new Uri(baseUrl, url), url, input, inputName);
        }

        throw input.Error(inputName, $"'{url}' is relative to the template's base URL '{template.BaseUrl}', whose scheme '{baseUrl.Scheme}' cannot be read");
    }

    private LocalFetchLocation Local(string path, string? templateFolder, string url, StepInput input, string inputName)
    {
        var real = RealPaths.Resolve(path);
        var roots = options.FileRoots.Select(RealPaths.Resolve);
        if (templateFolder is not null)
        {
            roots = roots.Prepend(RealPaths.Resolve(templateFolder));
        }

        if (!roots.Any(root => RealPaths.IsInside(root, real)))
        {
            throw input.Error(
                inputName,
                $"'{url}' points at {real}, outside the template's folder{(templateFolder is null ? string.Empty : $" ({templateFolder})")} and the folders listed in {FetchOptions.SectionName}:FileRoots");
        }

        return new LocalFetchLocation(real);
    }

    private RemoteFetchLocation Remote(Uri url, string given, StepInput input, string inputName)
    {
        if (!IsAllowedHost(url))
        {
            var host = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
            throw input.Error(
                inputName,
                $"'{given}' is on host {host}, which is not allowed; add it to {FetchOptions.SectionName}:AllowedHosts in the configuration to read from it");
        }

        return new RemoteFetchLocation(url);
    }

    public bool IsAllowedHost(Uri url)
    {
        var hostAndPort = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}";
        return options.AllowedHosts.Any(pattern =>
            string.Equals(pattern, hostAndPort, StringComparison.OrdinalIgnoreCase)
            || (url.IsDefaultPort && string.Equals(pattern, url.Host, StringComparison.OrdinalIgnoreCase))
            || (pattern.StartsWith("*.", StringComparison.Ordinal) && url.Host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)));
    }

    // Two letters at least, so a Windows drive letter is not taken for a scheme.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]+:")]
    private static partial Regex SchemePrefix();
}
