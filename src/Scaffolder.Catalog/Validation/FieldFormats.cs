using System.Text.RegularExpressions;

namespace Scaffolder.Catalog.Validation;

/// <summary>The field format rules of Backstage's catalog-model (Kubernetes-style names, DNS labels, tags).</summary>
public static partial class FieldFormats
{
    public const string ObjectNameExpectation =
        "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total";

    public const string PrefixSuffixExpectation = "a valid prefix and/or suffix";

    public const string DnsLabelExpectation =
        "a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total";

    public const string TagExpectation =
        "a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total";

    public const string KindExpectation =
        "a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total";

    public const string UrlExpectation = "a string that is a valid url";

    public const string NonEmptyStringExpectation = "a non empty string";

    public const string AnnotationValueExpectation = "a string";

    public static bool IsValidKind(string value) => value.Length is >= 1 and <= 63 && KindPattern().IsMatch(value);

    public static bool IsValidObjectName(string value) => value.Length is >= 1 and <= 63 && ObjectNamePattern().IsMatch(value);

    public static bool IsValidDnsLabel(string value) => value.Length is >= 1 and <= 63 && DnsLabelPattern().IsMatch(value);

    public static bool IsValidNamespace(string value) => IsValidDnsLabel(value);

    public static bool IsValidDnsSubdomain(string value) =>
        value.Length is >= 1 and <= 253 && value.Split('.').All(IsValidDnsLabel);

    public static bool IsValidApiVersion(string value) =>
        IsValidPrefixAndOrSuffix(value, IsValidDnsSubdomain, s => s.Length is >= 1 and <= 63 && AlphanumericPattern().IsMatch(s));

    public static bool IsValidLabelKey(string value) => IsValidPrefixAndOrSuffix(value, IsValidDnsSubdomain, IsValidObjectName);

    public static bool IsValidAnnotationKey(string value) => IsValidLabelKey(value);

    public static bool IsValidLabelValue(string value) => value.Length == 0 || IsValidObjectName(value);

    public static bool IsValidTag(string value) => value.Length is >= 1 and <= 63 && TagPattern().IsMatch(value);

    public static bool IsNonEmptyString(string value) => value.Trim().Length >= 1;

    public static bool IsValidUrl(string value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme.Length > 0;

    private static bool IsValidPrefixAndOrSuffix(string value, Func<string, bool> isValidPrefix, Func<string, bool> isValidSuffix)
    {
        var parts = value.Split('/');
        return parts.Length switch
        {
            1 => isValidSuffix(parts[0]),
            2 => isValidPrefix(parts[0]) && isValidSuffix(parts[1]),
            _ => false,
        };
    }

    [GeneratedRegex("^[a-zA-Z][a-z0-9A-Z]*$", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();

    [GeneratedRegex("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectNamePattern();

    [GeneratedRegex("^[a-z0-9]+(?:-+[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabelPattern();

    [GeneratedRegex("^[a-z0-9A-Z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex AlphanumericPattern();

    [GeneratedRegex("^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
