using System.Collections;

namespace Scaffolder.Templating.Runtime;

/// <summary>
/// A lazily produced sequence: integer ranges (<c>1..5</c>), <c>string.split</c> results and other
/// iterator-valued builtins. Reported as <c>iterator</c>/<c>range</c> by <c>object.typeof</c>/<c>kind</c>.
/// </summary>
internal sealed class TemplateRange : IEnumerable<object?>
{
    private readonly IEnumerable<object?> _source;
    private List<object?>? _materialized;

    public TemplateRange(IEnumerable<object?> source) => _source = source;

    /// <summary>The items, produced once and kept (enumerating twice must not re-run side effects).</summary>
    public List<object?> Items => _materialized ??= [.. _source];

    public int Count => Items.Count;

    public object? this[int index] => index >= 0 && index < Items.Count ? Items[index] : null;

    public IEnumerator<object?> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
