using Scaffolder.JsonSchema.Patterns;

namespace Scaffolder.JsonSchema.Formats;

/// <summary>
/// The <c>format</c> values checked. Others (and any format on a non-string) pass, as the
/// specification asks for unknown formats.
/// </summary>
internal static class FormatCheckers
{
    private static readonly Dictionary<string, Func<string, bool>> Checkers = new(StringComparer.Ordinal)
    {
        ["date-time"] = DateTimeFormats.IsDateTime,
        ["date"] = DateTimeFormats.IsDate,
        ["time"] = DateTimeFormats.IsTime,
        ["email"] = NetworkFormats.IsEmail,
        ["hostname"] = NetworkFormats.IsHostname,
        ["host-name"] = NetworkFormats.IsHostname,
        ["ipv4"] = NetworkFormats.IsIPv4,
        ["ip-address"] = NetworkFormats.IsIPv4,
        ["ipv6"] = NetworkFormats.IsIPv6,
        ["uri"] = UriFormats.IsUri,
        ["uri-reference"] = UriFormats.IsUriReference,
        ["uuid"] = IdentifierFormats.IsUuid,
        ["json-pointer"] = IdentifierFormats.IsJsonPointer,
        ["relative-json-pointer"] = IdentifierFormats.IsRelativeJsonPointer,
        ["regex"] = EcmaScriptPattern.IsValid,
    };

    public static Func<string, bool>? Find(string format) => Checkers.GetValueOrDefault(format);
}
