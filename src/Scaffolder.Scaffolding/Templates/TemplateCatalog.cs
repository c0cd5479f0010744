using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;
using Scaffolder.Catalog.Services;
using Scaffolder.Common.Errors;

namespace Scaffolder.Scaffolding.Templates;

/// <summary>
/// Templates read from the catalog by reference, compiled once per version: the compiled form is
/// cached under the entity's etag, so an edited template is recompiled on its next use.
/// </summary>
public sealed class TemplateCatalog(EntitiesService entities)
{
    private const int MaxCached = 512;

    private readonly ConcurrentDictionary<string, (string Etag, CompiledTemplate Template)> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The template <paramref name="reference"/> names (default kind <c>template</c>). Not in the
    /// catalog: <see cref="NotFoundError"/>; not a v1beta3 Template: <see cref="InputError"/>.
    /// </summary>
    public async Task<CompiledTemplate> GetAsync(EntityRef reference, CancellationToken cancellationToken = default)
    {
        var canonical = reference.ToString();
        var json = await entities.GetByRefAsync(reference, cancellationToken)
            ?? throw new NotFoundError($"Template {canonical} not found");
        var entity = JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException($"Stored entity {canonical} is not a JSON object.");
        var etag = entity["metadata"]?["etag"]?.GetValue<string>() ?? json.GetHashCode(StringComparison.Ordinal).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (_cache.TryGetValue(canonical, out var cached) && cached.Etag == etag)
        {
            return cached.Template;
        }

        var compiled = Compile(entity, canonical, TemplateDefinition.BaseUrlOf(entity));
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }

        _cache[canonical] = (etag, compiled);
        return compiled;
    }

    /// <summary>Reads and compiles a template entity; a malformed one is an <see cref="InputError"/>.</summary>
    public static CompiledTemplate Compile(JsonObject entity, string entityRef, string? baseUrl)
    {
        try
        {
            return CompiledTemplate.Compile(TemplateDefinition.Read(entity, entityRef, baseUrl));
        }
        catch (TemplateFormatException e)
        {
            throw new InputError($"Template {entityRef} cannot be used: {e.Message}");
        }
    }
}
