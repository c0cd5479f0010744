using System.Text.RegularExpressions;

namespace Scaffolder.JsonSchema.Patterns;

internal enum PatternMatch
{
    NoMatch,
    Match,
    TimedOut,
}

/// <summary>
/// An ECMAScript regular expression compiled for .NET. Patterns without lookarounds or
/// backreferences run on the non-backtracking engine (linear in the input, so a hostile pattern
/// cannot hang a request); the others run with a match timeout.
/// </summary>
internal sealed class EcmaScriptPattern
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    private readonly Regex _regex;

    private EcmaScriptPattern(string source, Regex regex)
    {
        Source = source;
        _regex = regex;
    }

    public string Source { get; }

    public static bool TryCreate(string pattern, out EcmaScriptPattern? compiled, out string? error)
    {
        compiled = null;
        var translation = EcmaScriptRegexTranslator.Translate(pattern);
        if (translation.Error is not null)
        {
            error = translation.Error;
            return false;
        }

        try
        {
            compiled = new EcmaScriptPattern(pattern, Build(translation));
            error = null;
            return true;
        }
        catch (ArgumentException e)
        {
            error = $"Invalid regular expression: /{pattern}/: {e.Message}";
            return false;
        }
    }

    /// <summary>Whether <paramref name="pattern"/> is a valid ECMAScript regular expression.</summary>
    public static bool IsValid(string pattern) => TryCreate(pattern, out _, out _);

    private static Regex Build(RegexTranslation translation)
    {
        const RegexOptions common = RegexOptions.CultureInvariant;
        if (!translation.NeedsBacktracking)
        {
            try
            {
                return new Regex(translation.DotNetPattern!, common | RegexOptions.NonBacktracking, MatchTimeout);
            }
            catch (NotSupportedException)
            {
                // Some shapes (e.g. very large counted repetitions) are not supported by the
                // non-backtracking engine; the timeout still bounds the backtracking one.
            }
        }

        return new Regex(translation.DotNetPattern!, common, MatchTimeout);
    }

    public PatternMatch Match(string input)
    {
        try
        {
            return _regex.IsMatch(input) ? PatternMatch.Match : PatternMatch.NoMatch;
        }
        catch (RegexMatchTimeoutException)
        {
            return PatternMatch.TimedOut;
        }
    }
}
