using System.Text.Json.Nodes;
using Scaffolder.Templating.Runtime.JavaScript;

namespace Scaffolder.Templating.Backstage;

/// <summary>
/// The variables of a render (<c>values</c>, <c>parameters</c>...) converted once into the runtime's
/// values, for rendering many templates with the same context (every file and path of a skeleton).
/// A snapshot: later changes to the JSON are not seen. Templates cannot modify it, so one instance
/// serves concurrent renders.
/// </summary>
public sealed class NunjucksContext
{
    private NunjucksContext(object? values) => Values = values;

    internal object? Values { get; }

    /// <exception cref="ArgumentException">The JSON is nested too deeply to be used as a context.</exception>
    public static NunjucksContext From(JsonObject values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new NunjucksContext(JsJson.FromJsonNode(values));
    }
}
