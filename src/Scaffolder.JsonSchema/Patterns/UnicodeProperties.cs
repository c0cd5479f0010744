namespace Scaffolder.JsonSchema.Patterns;

/// <summary>
/// Maps ECMAScript <c>\p{…}</c> property names to what .NET regexes understand: general
/// categories (short or long names, optionally as <c>gc=</c>/<c>General_Category=</c>) and a few
/// binary properties that are plain code point sets. Scripts are not available in .NET regexes.
/// </summary>
internal static class UnicodeProperties
{
    private static readonly Dictionary<string, string> GeneralCategories = new(StringComparer.Ordinal)
    {
        ["L"] = "L",
        ["Letter"] = "L",
        ["Lu"] = "Lu",
        ["Uppercase_Letter"] = "Lu",
        ["Ll"] = "Ll",
        ["Lowercase_Letter"] = "Ll",
        ["Lt"] = "Lt",
        ["Titlecase_Letter"] = "Lt",
        ["Lm"] = "Lm",
        ["Modifier_Letter"] = "Lm",
        ["Lo"] = "Lo",
        ["Other_Letter"] = "Lo",
        ["M"] = "M",
        ["Mark"] = "M",
        ["Combining_Mark"] = "M",
        ["Mn"] = "Mn",
        ["Nonspacing_Mark"] = "Mn",
        ["Mc"] = "Mc",
        ["Spacing_Mark"] = "Mc",
        ["Me"] = "Me",
        ["Enclosing_Mark"] = "Me",
        ["N"] = "N",
        ["Number"] = "N",
        ["Nd"] = "Nd",
        ["Decimal_Number"] = "Nd",
        ["digit"] = "Nd",
        ["Nl"] = "Nl",
        ["Letter_Number"] = "Nl",
        ["No"] = "No",
        ["Other_Number"] = "No",
        ["P"] = "P",
        ["Punctuation"] = "P",
        ["punct"] = "P",
        ["Pc"] = "Pc",
        ["Connector_Punctuation"] = "Pc",
        ["Pd"] = "Pd",
        ["Dash_Punctuation"] = "Pd",
        ["Ps"] = "Ps",
        ["Open_Punctuation"] = "Ps",
        ["Pe"] = "Pe",
        ["Close_Punctuation"] = "Pe",
        ["Pi"] = "Pi",
        ["Initial_Punctuation"] = "Pi",
        ["Pf"] = "Pf",
        ["Final_Punctuation"] = "Pf",
        ["Po"] = "Po",
        ["Other_Punctuation"] = "Po",
        ["S"] = "S",
        ["Symbol"] = "S",
        ["Sm"] = "Sm",
        ["Math_Symbol"] = "Sm",
        ["Sc"] = "Sc",
        ["Currency_Symbol"] = "Sc",
        ["Sk"] = "Sk",
        ["Modifier_Symbol"] = "Sk",
        ["So"] = "So",
        ["Other_Symbol"] = "So",
        ["Z"] = "Z",
        ["Separator"] = "Z",
        ["Zs"] = "Zs",
        ["Space_Separator"] = "Zs",
        ["Zl"] = "Zl",
        ["Line_Separator"] = "Zl",
        ["Zp"] = "Zp",
        ["Paragraph_Separator"] = "Zp",
        ["C"] = "C",
        ["Other"] = "C",
        ["Cc"] = "Cc",
        ["Control"] = "Cc",
        ["cntrl"] = "Cc",
        ["Cf"] = "Cf",
        ["Format"] = "Cf",
        ["Cs"] = "Cs",
        ["Surrogate"] = "Cs",
        ["Co"] = "Co",
        ["Private_Use"] = "Co",
        ["Cn"] = "Cn",
        ["Unassigned"] = "Cn",
    };

    /// <summary>
    /// Resolves a property name to either a .NET class item (<c>\p{Lu}</c>, possibly several for
    /// <c>LC</c>) or a code point set. False when the name is unknown or unsupported here.
    /// </summary>
    public static bool TryResolve(string name, out string? dotNetClassItems, out CodePointSet? set)
    {
        dotNetClassItems = null;
        set = null;
        var value = name;
        var equals = name.IndexOf('=', StringComparison.Ordinal);
        if (equals >= 0)
        {
            var key = name[..equals];
            if (key is not ("gc" or "General_Category"))
            {
                return false;
            }

            value = name[(equals + 1)..];
        }

        if (value is "LC" or "Cased_Letter")
        {
            dotNetClassItems = @"\p{Lu}\p{Ll}\p{Lt}";
            return true;
        }

        if (GeneralCategories.TryGetValue(value, out var category))
        {
            dotNetClassItems = @"\p{" + category + "}";
            return true;
        }

        if (equals >= 0)
        {
            return false;
        }

        set = value switch
        {
            "Any" => CodePointSet.Of((0, CodePointSet.MaxCodePoint)),
            "ASCII" => CodePointSet.Of((0, 0x7F)),
            "ASCII_Hex_Digit" or "AHex" => CodePointSet.Of(('0', '9'), ('A', 'F'), ('a', 'f')),
            "White_Space" or "space" => UnicodeWhiteSpace(),
            _ => null,
        };
        return set is not null;
    }

    private static CodePointSet UnicodeWhiteSpace()
    {
        // Unicode's White_Space differs from ECMAScript's \s: it has U+0085 and lacks U+FEFF.
        var set = CodePointSet.Whitespace.Without(0xFEFF, 0xFEFF);
        set.Add(0x85, 0x85);
        return set;
    }
}
