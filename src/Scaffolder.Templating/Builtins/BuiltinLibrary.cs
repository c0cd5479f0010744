using System.Collections.Frozen;
using Scaffolder.Templating.Runtime;

namespace Scaffolder.Templating.Builtins;

/// <summary>The builtin globals every render starts with, shared (read-only) by all renders.</summary>
internal static class BuiltinLibrary
{
    public static readonly FrozenDictionary<string, object?> Globals = new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["array"] = ArrayFunctions.Create(),
        ["string"] = StringFunctions.Create(),
        ["math"] = MathFunctions.Create(),
        ["date"] = DateFunctions.Create(),
        ["timespan"] = TimeSpanFunctions.Create(),
        ["object"] = ObjectFunctions.Create(),
        ["regex"] = RegexFunctions.Create(),
        ["html"] = HtmlFunctions.Create(),
        ["include"] = new IncludeFunction(),
        ["include_join"] = new IncludeJoinFunction(),
        ["empty"] = EmptyObject.Instance,
        ["blank"] = EmptyObject.Instance,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
