using System.Globalization;

namespace Scaffolder.JsonSchema.Formats;

/// <summary>Host names (RFC 1123), IPv4 and IPv6 addresses, and e-mail addresses (RFC 5321 mailbox).</summary>
internal static class NetworkFormats
{
    private const string AtomSpecials = "!#$%&'*+-/=?^_`{|}~";

    public static bool IsHostname(string text)
    {
        // A fully qualified name may end with the root's dot.
        var name = text.EndsWith('.') ? text[..^1] : text;
        if (name.Length == 0 || name.Length > 253)
        {
            return false;
        }

        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    public static bool IsIPv4(string text)
    {
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit))
            {
                return false;
            }

            if (int.Parse(part, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsIPv6(string text)
    {
        var compression = text.IndexOf("::", StringComparison.Ordinal);
        if (compression >= 0 && text.IndexOf("::", compression + 1, StringComparison.Ordinal) >= 0)
        {
            return false;
        }

        int groups;
        if (compression < 0)
        {
            if (!TryCountGroups(text, allowTrailingIPv4: true, out groups))
            {
                return false;
            }

            return groups == 8;
        }

        var head = text[..compression];
        var tail = text[(compression + 2)..];
        var headGroups = 0;
        var tailGroups = 0;
        if (head.Length > 0 && !TryCountGroups(head, allowTrailingIPv4: false, out headGroups))
        {
            return false;
        }

        if (tail.Length > 0 && !TryCountGroups(tail, allowTrailingIPv4: true, out tailGroups))
        {
            return false;
        }

        return headGroups + tailGroups <= 7;
    }

    private static bool TryCountGroups(string text, bool allowTrailingIPv4, out int groups)
    {
        groups = 0;
        var parts = text.Split(':');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (allowTrailingIPv4 && i == parts.Length - 1 && part.Contains('.', StringComparison.Ordinal))
            {
                if (!IsIPv4(part))
                {
                    return false;
                }

                groups += 2;
                continue;
            }

            if (part.Length is 0 or > 4 || !part.All(char.IsAsciiHexDigit))
            {
                return false;
            }

            groups++;
        }

        return true;
    }

    public static bool IsEmail(string text)
    {
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            return false;
        }

        return IsLocalPart(text[..at]) && IsMailDomain(text[(at + 1)..]);
    }

    private static bool IsLocalPart(string local)
    {
        if (local.Length >= 2 && local[0] == '"' && local[^1] == '"')
        {
            for (var i = 1; i < local.Length - 1; i++)
            {
                var c = local[i];
                if (c == '\\')
                {
                    i++;
                    if (i >= local.Length - 1 || local[i] < 0x20 || local[i] > 0x7E)
                    {
                        return false;
                    }
                }
                else if (c == '"' || c < 0x20 || c > 0x7E)
                {
                    return false;
                }
            }

            return true;
        }

        foreach (var atom in local.Split('.'))
        {
            if (atom.Length == 0)
            {
                return false;
            }

            foreach (var c in atom)
            {
                if (!char.IsAsciiLetterOrDigit(c) && !AtomSpecials.Contains(c, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsMailDomain(string domain)
    {
        if (domain.Length >= 2 && domain[0] == '[' && domain[^1] == ']')
        {
            var literal = domain[1..^1];
            return literal.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase)
                ? IsIPv6(literal[5..])
                : IsIPv4(literal);
        }

        return !domain.EndsWith('.') && IsHostname(domain);
    }
}
