using System.Diagnostics;
using Scaffolder.JsonSchema.Patterns;

namespace Scaffolder.JsonSchema.Tests.Patterns;

public sealed class EcmaScriptPatternTests
{
    /// <summary>Verdicts as Node's RegExp gives them (u flag first, legacy grammar when that fails); checked against Node 20.</summary>
    public static TheoryData<string, string, bool> Matches => new()
    {
        { "^a+$", "aaa", true },
        { "a", "bab", true },
        { "^\\d$", "\u0663", false },
        { "^\\d$", "7", true },
        { "^\\w+$", "héllo", false },
        { "^\\s$", "\u00a0", true },
        { "^\\s$", "\ufeff", true },
        { "^\\S$", "\u2003", false },
        { "^.$", "\U0001F600", true },
        { "^..$", "\U0001F600", false },
        { "^.$", "\n", false },
        { "^.$", "\u2028", false },
        { "^[^a]$", "\U0001F600", true },
        { "^[^a][^a]$", "\U0001F600", false },
        { "^\\p{L}+$", "héllo", true },
        { "^\\p{Lu}", "Élan", true },
        { "^\\P{L}$", "1", true },
        { "^\\p{Letter}+$", "abc", true },
        { "a$", "a\n", false },
        { "^a", "\na", false },
        { "\\bfoo\\b", "a foo b", true },
        { "\\bfoo\\b", "afoo", false },
        { "\\Bfoo", "afoo", true },
        { "(a)\\1", "aa", true },
        { "(a)\\1", "ab", false },
        { "\\1(a)", "a", true },
        { "(?<y>\\d{2})-\\k<y>", "12-12", true },
        { "(?<y>\\d{2})-\\k<y>", "12-13", false },
        { "(?=a)a", "a", true },
        { "(?<=a)b", "ab", true },
        { "(?<!a)b", "ab", false },
        { "\\A", "A", true },
        { "[\\d-z]", "-", true },
        { "[a-]", "-", true },
        { "[]", "a", false },
        { "[^]", "\n", true },
        { "\\u{1F600}", "\U0001F600", true },
        { "[😀-😎]", "😃", true },
        { "\\uD83D\\uDE00", "\U0001F600", true },
        { "\\x41", "A", true },
        { "\\cJ", "\n", true },
        { "\\/", "/", true },
        { "]", "]", true },
        { "{", "{", true },
        { "a{,5}", "a{,5}", true },
        { "x{2}", "xx", true },
        { "x{2,}", "x", false },
        { "^(?:a|b)+$", "abba", true },
        { "^[a-z][a-z0-9-]*$", "my-service-2", true },
        { "^[a-z][a-z0-9-]*$", "My Service", false },
        { "\\$", "$", true },
        { "[$]", "$", true },
        { "\\.", "a", false },
        { "[.]", ".", true },
        { "\\0", "\0", true },
    };

    [Theory]
    [MemberData(nameof(Matches))]
    public void Pattern_matches_as_ecmascript_regexp_does(string pattern, string input, bool expected)
    {
        Assert.True(EcmaScriptPattern.TryCreate(pattern, out var compiled, out var error), error);

        Assert.Equal(expected ? PatternMatch.Match : PatternMatch.NoMatch, compiled!.Match(input));
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "(", "Unterminated group" },
        { "a)", "Unmatched ')'" },
        { "[a", "Unterminated character class" },
        { "*a", "Nothing to repeat" },
        { "a**", "Nothing to repeat" },
        { "^*", "Nothing to repeat" },
        { "x{2,1}", "numbers out of order" },
        { "[z-a]", "Range out of order" },
        { "(?i)a", "Invalid group" },
        { "a\\", "\\ at end of pattern" },
        { "(?<1a>x)", "Invalid capture group name" },
        { "\\k<nope>(?<x>a)", "Invalid named capture referenced" },
        { "(?<=a)*", "Invalid quantifier" },
        { "\\b*", "Nothing to repeat" },
    };

    /// <summary>Patterns V8 rejects in both grammars, with V8's reason.</summary>
    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_pattern_is_reported_with_the_reason(string pattern, string reason)
    {
        Assert.False(EcmaScriptPattern.TryCreate(pattern, out _, out var error));

        Assert.Contains(reason, error);
        Assert.StartsWith($"Invalid regular expression: /{pattern}/", error);
    }

    [Fact]
    public void Catastrophic_backtracking_pattern_runs_in_linear_time()
    {
        Assert.True(EcmaScriptPattern.TryCreate("^(a+)+$", out var compiled, out _));
        var input = new string('a', 100_000) + "!";

        var watch = Stopwatch.StartNew();
        var result = compiled!.Match(input);

        Assert.Equal(PatternMatch.NoMatch, result);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Backtracking_pattern_is_stopped_by_the_match_timeout()
    {
        // A backreference needs the backtracking engine; the timeout bounds it.
        Assert.True(EcmaScriptPattern.TryCreate("^(a+)+\\1$", out var compiled, out _));
        var input = new string('a', 5_000) + "!";

        var watch = Stopwatch.StartNew();
        var result = compiled!.Match(input);

        Assert.Equal(PatternMatch.TimedOut, result);
        Assert.True(watch.Elapsed < EcmaScriptPattern.MatchTimeout + TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Timed_out_pattern_fails_validation_with_a_clear_message()
    {
        var schema = JsonSchema.Compile(System.Text.Json.Nodes.JsonNode.Parse("""{"pattern": "^(a+)+\\1$"}"""));

        var error = Assert.Single(schema.Validate(new string('a', 5_000) + "!"));

        Assert.Equal("pattern", error.Name);
        Assert.Equal("does not match pattern \"^(a+)+\\\\1$\" (matching took too long and was stopped)", error.Message);
    }
}
