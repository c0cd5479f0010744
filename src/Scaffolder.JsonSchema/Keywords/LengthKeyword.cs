using System.Text.Json.Nodes;
using Scaffolder.JsonSchema.Compilation;
using Scaffolder.JsonSchema.Evaluation;
using Scaffolder.JsonSchema.Values;

namespace Scaffolder.JsonSchema.Keywords;

/// <summary><c>minLength</c> / <c>maxLength</c>, counting Unicode code points (a surrogate pair is one).</summary>
internal sealed class LengthKeyword(string name, double limit, JsonNode argument) : Keyword
{
    private readonly bool _isMinimum = name == "minLength";
    private readonly string _message = (name == "minLength" ? "does not meet minimum length of " : "does not meet maximum length of ")
        + JsText.ToJsString(argument);

    public override bool Evaluate(ValidationRun run, SchemaNode schema, JsonNode? instance, List<SchemaValidationError>? errors)
    {
        if (!JsonValues.TryGetString(instance, out var text))
        {
            return true;
        }

        var length = CodePointLength(text);
        if (_isMinimum ? length >= limit : length <= limit)
        {
            return true;
        }

        errors?.Add(run.Error(schema, instance, name, _message, argument));
        return false;
    }

    public static int CodePointLength(string text)
    {
        var length = text.Length;
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                length--;
                i++;
            }
        }

        return length;
    }
}
