namespace Scaffolder.JsonSchema.Formats;

/// <summary>UUIDs (RFC 4122 text form) and JSON pointers (RFC 6901, and the relative form).</summary>
internal static class IdentifierFormats
{
    public static bool IsUuid(string text)
    {
        if (text.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var isDash = i is 8 or 13 or 18 or 23;
            if (isDash ? text[i] != '-' : !char.IsAsciiHexDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsJsonPointer(string text)
    {
        if (text.Length > 0 && text[0] != '/')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '~' && (i + 1 >= text.Length || text[i + 1] is not ('0' or '1')))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsRelativeJsonPointer(string text)
    {
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits == 0 || (digits > 1 && text[0] == '0'))
        {
            return false;
        }

        var rest = text[digits..];
        return rest == "#" || IsJsonPointer(rest);
    }
}
