namespace Scaffolder.JsonSchema.Formats;

/// <summary>
/// URIs and URI references (RFC 3986): only characters a URI may hold, well-formed percent
/// escapes, a valid scheme, brackets only around an IP literal host, a numeric port.
/// </summary>
internal static class UriFormats
{
    private const string Allowed = "-._~:/?#[]@!$&'()*+,;=%";

    /// <summary>An absolute URI: a scheme is required (so <c>//host/path</c> is a reference, not a URI).</summary>
    public static bool IsUri(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && IsScheme(text.AsSpan(0, colon)) && IsWellFormed(text, colon + 1);
    }

    public static bool IsUriReference(string text)
    {
        var end = text.IndexOfAny(['/', '?', '#']);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && (end < 0 || colon < end))
        {
            // A colon before the first '/', '?' or '#' ends a scheme; a relative path cannot hold one there.
            return colon > 0 && IsScheme(text.AsSpan(0, colon)) && IsWellFormed(text, colon + 1);
        }

        return IsWellFormed(text, 0);
    }

    private static bool IsScheme(ReadOnlySpan<char> scheme)
    {
        if (scheme.Length == 0 || !char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Checks everything after the scheme's colon (or the whole reference).</summary>
    private static bool IsWellFormed(string text, int start)
    {
        var fragment = text.IndexOf('#', start);
        if (fragment >= 0 && text.IndexOf('#', fragment + 1) >= 0)
        {
            return false;
        }

        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !char.IsAsciiHexDigit(text[i + 1]) || !char.IsAsciiHexDigit(text[i + 2]))
                {
                    return false;
                }

                i += 2;
            }
            else if (!char.IsAsciiLetterOrDigit(c) && !Allowed.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return HasValidAuthority(text, start);
    }

    private static bool HasValidAuthority(string text, int start)
    {
        var hasAuthority = text.Length - start >= 2 && text[start] == '/' && text[start + 1] == '/';
        var authorityStart = hasAuthority ? start + 2 : start;
        var authorityEnd = hasAuthority ? text.IndexOfAny(['/', '?', '#'], authorityStart) : start;
        if (authorityEnd < 0)
        {
            authorityEnd = text.Length;
        }

        // Brackets are only allowed around an IP literal host.
        var rest = text.AsSpan(authorityEnd);
        if (rest.IndexOfAny('[', ']') >= 0)
        {
            return false;
        }

        if (!hasAuthority)
        {
            return true;
        }

        var authority = text.AsSpan(authorityStart, authorityEnd - authorityStart);
        var at = authority.LastIndexOf('@');
        var hostAndPort = at >= 0 ? authority[(at + 1)..] : authority;
        if (at >= 0 && authority[..at].IndexOfAny('[', ']') >= 0)
        {
            return false;
        }

        ReadOnlySpan<char> port;
        if (hostAndPort.Length > 0 && hostAndPort[0] == '[')
        {
            var close = hostAndPort.IndexOf(']');
            if (close < 0 || !IsIPLiteral(hostAndPort[1..close].ToString()))
            {
                return false;
            }

            var afterHost = hostAndPort[(close + 1)..];
            if (afterHost.Length > 0 && afterHost[0] != ':')
            {
                return false;
            }

            port = afterHost.Length > 0 ? afterHost[1..] : [];
        }
        else
        {
            if (hostAndPort.IndexOfAny('[', ']') >= 0)
            {
                return false;
            }

            var colon = hostAndPort.LastIndexOf(':');
            port = colon >= 0 ? hostAndPort[(colon + 1)..] : [];
        }

        foreach (var c in port)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIPLiteral(string literal) =>
        NetworkFormats.IsIPv6(literal) || (literal.Length > 1 && (literal[0] is 'v' or 'V'));
}
