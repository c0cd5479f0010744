using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary>How the reference library names the subschemas of <c>allOf</c> / <c>anyOf</c> / <c>oneOf</c> in its messages.</summary>
internal static class SubschemaLabels
{
    /// <summary>Its <c>$id</c> (in angle brackets for <c>anyOf</c>), else its quoted title, else <c>&lt;$ref&gt;</c>, else <c>[subschema i]</c>.</summary>
    public static string For(SchemaNode subschema, int index, bool bracketIdentifier)
    {
        if (subschema.Identifier is { } identifier)
        {
            var id = JsText.ToJsString(identifier);
            return bracketIdentifier ? "<" + id + ">" : id;
        }

        if (JsonValues.IsTruthy(subschema.Title))
        {
            return JsText.Stringify(subschema.Title);
        }

        if (!string.IsNullOrEmpty(subschema.ReferenceText))
        {
            return "<" + subschema.ReferenceText + ">";
        }

        return "[subschema " + index + "]";
    }
}
