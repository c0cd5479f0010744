using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema.Tests.Formats;

public sealed class FormatTests
{
    public static TheoryData<string, string, bool> Cases => new()
    {
        { "date-time", "1963-06-19T08:30:06.283185Z", true },
        { "date-time", "1963-06-19t08:30:06z", true },
        { "date-time", "1963-06-19 08:30:06+02:00", true },
        { "date-time", "1990-12-31T23:59:60Z", true },
        { "date-time", "1963-06-19T08:30:06", false },
        { "date-time", "06/19/1963 08:30:06 PST", false },
        { "date-time", "2013-350T01:01:01", false },
        { "date-time", "2021-02-29T00:00:00Z", false },
        { "date-time", "2020-01-01T24:00:00Z", false },
        { "date-time", "2020-01-01T12:00:00+24:00", false },
        { "date", "2020-02-29", true },
        { "date", "2021-02-29", false },
        { "date", "2000-02-29", true },
        { "date", "1900-02-29", false },
        { "date", "2020-04-31", false },
        { "date", "2020-1-01", false },
        { "date", "٢٠٢٠-01-01", false },
        { "time", "08:30:06", true },
        { "time", "08:30:06.5Z", true },
        { "time", "08:30:06+01:00", true },
        { "time", "8:30:06", false },
        { "time", "08:60:00", false },
        { "email", "joe.bloggs@example.com", true },
        { "email", "te~st@example.com", true },
        { "email", "\"joe bloggs\"@example.com", true },
        { "email", "joe@[127.0.0.1]", true },
        { "email", "2962", false },
        { "email", ".test@example.com", false },
        { "email", "te..st@example.com", false },
        { "email", "joe@example..com", false },
        { "hostname", "www.example.com", true },
        { "hostname", "example.com.", true },
        { "hostname", "xn--4gbwdl.xn--wgbh1c", true },
        { "hostname", "-a-host-name-that-starts-with--", false },
        { "hostname", "not_a_valid_host_name", false },
        { "hostname", "a-vvvvvvvvvvvvvvvveeeeeeeeeeeeeeeerrrrrrrrrrrrrrrryyyyyyyyyyyyyyyy-long-host-name-component", false },
        { "hostname", "", false },
        { "ipv4", "192.168.0.1", true },
        { "ipv4", "127.0.0.0.1", false },
        { "ipv4", "256.256.256.256", false },
        { "ipv4", "127.0", false },
        { "ipv4", "0x7f000001", false },
        { "ipv4", "087.10.0.1", false },
        { "ipv6", "::1", true },
        { "ipv6", "::", true },
        { "ipv6", "fe80::1:2:3:4", true },
        { "ipv6", "1:2:3:4:5:6:7:8", true },
        { "ipv6", "::ffff:192.168.0.1", true },
        { "ipv6", "12345::", false },
        { "ipv6", "1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1", false },
        { "ipv6", "::laptop", false },
        { "ipv6", "1::2::3", false },
        { "ipv6", " ::1", false },
        { "uri", "http://foo.bar/?baz=qux#quux", true },
        { "uri", "urn:isbn:0451450523", true },
        { "uri", "http://[2001:db8::7]/c=GB?objectClass?one", true },
        { "uri", "https://github.com/org/repo", true },
        { "uri", "//foo.bar/?baz=qux#quux", false },
        { "uri", "\\\\WINDOWS\\fileshare", false },
        { "uri", "abc", false },
        { "uri", "http:// shouldfail.com", false },
        { "uri", "http://example.com/%zz", false },
        { "uri", "http://example.com:80a/", false },
        { "uri-reference", "//foo.bar/?baz=qux#quux", true },
        { "uri-reference", "/abc", true },
        { "uri-reference", "abc", true },
        { "uri-reference", "#fragment", true },
        { "uri-reference", "\\\\WINDOWS\\fileshare", false },
        { "uri-reference", "#frag#ment", false },
        { "uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true },
        { "uuid", "2EB8AA08-AA98-11EA-B4AA-73B441D16380", true },
        { "uuid", "2eb8aa08aa9811eab4aa73b441d16380", false },
        { "uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d1638g", false },
        { "regex", "^[a-z]+$", true },
        { "regex", "^(abc]", false },
        { "json-pointer", "/foo/bar~0/~1", true },
        { "json-pointer", "", true },
        { "json-pointer", "foo", false },
        { "json-pointer", "/foo~2", false },
        { "relative-json-pointer", "1/foo", true },
        { "relative-json-pointer", "0#", true },
        { "relative-json-pointer", "01/a", false },
        { "some-unknown-format", "anything at all", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Format_accepts_only_well_formed_strings(string format, string value, bool valid)
    {
        var schema = JsonSchema.Compile(new JsonObject { ["format"] = format });

        var errors = schema.Validate(JsonValue.Create(value));

        Assert.True(valid == (errors.Count == 0), $"{format} \"{value}\": expected {(valid ? "valid" : "invalid")}; {string.Join("; ", errors)}");
    }

    [Fact]
    public void Format_failure_names_the_format()
    {
        var schema = JsonSchema.Compile(new JsonObject { ["format"] = "email" });

        var error = Assert.Single(schema.Validate(JsonValue.Create("nope")));

        Assert.Equal("does not conform to the \"email\" format", error.Message);
        Assert.Equal("email", error.Argument!.GetValue<string>());
    }
}
