using System.Collections;
using HandlebarsDotNet;

namespace Scaffolder.Templating.Benchmarks;

/// <summary>Handlebars.Net configured with the helpers the equivalent template needs (no HTML escaping, as in Scriban).</summary>
public static class HandlebarsSetup
{
    public static IHandlebars Create()
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { NoEscape = true });
        handlebars.RegisterHelper("upcase", (context, arguments) => Text(arguments[0])?.ToUpperInvariant());
        handlebars.RegisterHelper("downcase", (context, arguments) => Text(arguments[0])?.ToLowerInvariant());
        handlebars.RegisterHelper("capitalize", (context, arguments) => Text(arguments[0]) is { Length: > 0 } text ? char.ToUpperInvariant(text[0]) + text[1..] : Text(arguments[0]));
        handlebars.RegisterHelper("replace", (context, arguments) => Text(arguments[0])?.Replace(Text(arguments[1])!, Text(arguments[2]), StringComparison.Ordinal));
        handlebars.RegisterHelper("join", (context, arguments) => arguments[0] is IEnumerable items ? string.Join(Text(arguments[1]), items.Cast<object?>()) : string.Empty);
        handlebars.RegisterHelper("joinMap", (context, arguments) => arguments[0] is IEnumerable items
            ? string.Join(Text(arguments[2]), items.Cast<IDictionary<string, object?>>().Select(item => item[Text(arguments[1])!]))
            : string.Empty);
        handlebars.RegisterHelper("fallback", (context, arguments) => arguments[0] is null or "" ? arguments[1] : arguments[0]);
        handlebars.RegisterHelper("size", (context, arguments) => arguments[0] is ICollection collection ? collection.Count : 0);
        handlebars.RegisterHelper("add", (context, arguments) => Convert.ToInt32(arguments[0], System.Globalization.CultureInfo.InvariantCulture) + Convert.ToInt32(arguments[1], System.Globalization.CultureInfo.InvariantCulture));
        handlebars.RegisterHelper("eq", (context, arguments) => Equals(Text(arguments[0]), Text(arguments[1])));
        return handlebars;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
