using System.Text;
using System.Text.RegularExpressions;

namespace Scaffolder.Scaffolding.Actions.Skeletons;

/// <summary>
/// One glob pattern over relative paths with <c>/</c> separators, matched as Backstage's globby calls
/// match them (<c>dot: true</c>, directories expanded): <c>*</c> and <c>?</c> stay within a segment,
/// <c>**</c> crosses segments, <c>[a-z]</c>/<c>[!x]</c> classes, <c>{a,b}</c> alternatives, <c>\</c>
/// escapes; dot-files are matched like any other name; a pattern naming a directory as written also
/// covers everything below it; a leading <c>!</c> makes it an exclusion.
/// </summary>
public sealed class Glob
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private readonly Regex _regex;

    private readonly string _text;

    private Glob(string pattern, string text, Regex regex, bool negated)
    {
        Pattern = pattern;
        _text = text;
        _regex = regex;
        IsNegated = negated;
    }

    public string Pattern { get; }

    public bool IsNegated { get; }

    /// <summary>Compiles a pattern; a malformed one throws <see cref="GlobException"/> saying what is wrong.</summary>
    public static Glob Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var text = pattern.Trim();
        var negated = text.StartsWith('!');
        if (negated)
        {
            text = text[1..];
        }

        while (text.StartsWith("./", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        text = text.TrimEnd('/');
        if (text.Length == 0)
        {
            throw new GlobException(pattern, "it is empty");
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new GlobException(pattern, "it contains a NUL character");
        }

        if (text.StartsWith('/') || Path.IsPathRooted(text))
        {
            throw new GlobException(pattern, "it is absolute; patterns are relative to the template folder");
        }

        if (text.Split('/').Any(segment => segment == ".."))
        {
            throw new GlobException(pattern, "'..' would leave the template folder");
        }

        var regex = new StringBuilder("^");
        new Translator(pattern, text).Translate(regex);
        regex.Append("$");
        return new Glob(pattern, text, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, MatchTimeout), negated);
    }

    /// <summary>
    /// True when the path matches the pattern, or lies below the folder the pattern names as written
    /// (globby expands a pattern naming a folder to everything in it, but not the folders a wildcard
    /// matches); negation is not applied.
    /// </summary>
    public bool Covers(string relativePath)
    {
        var candidate = relativePath.Replace('\\', '/').Trim('/');
        if (_regex.IsMatch(candidate))
        {
            return true;
        }

        return candidate.Length > _text.Length
            && candidate[_text.Length] == '/'
            && candidate.StartsWith(_text, StringComparison.Ordinal);
    }

    public override string ToString() => Pattern;

    /// <summary>Turns glob syntax into regular-expression syntax, one construct at a time.</summary>
    private sealed class Translator(string original, string text)
    {
        private int _position;

        public void Translate(StringBuilder output)
        {
            TranslateSequence(output, braceDepth: 0);
            if (_position < text.Length)
            {
                throw new GlobException(original, $"unexpected '{text[_position]}' at position {_position + 1}");
            }
        }

        private void TranslateSequence(StringBuilder output, int braceDepth)
        {
            while (_position < text.Length)
            {
                var c = text[_position];
                if (braceDepth > 0 && c is ',' or '}')
                {
                    return;
                }

                switch (c)
                {
                    case '\\':
                        if (_position + 1 >= text.Length)
                        {
                            throw new GlobException(original, "it ends with a lone '\\'");
                        }

                        output.Append(Regex.Escape(text[_position + 1].ToString()));
                        _position += 2;
                        break;
                    case '*':
                        TranslateStar(output);
                        break;
                    case '?':
                        output.Append("[^/]");
                        _position++;
                        break;
                    case '[':
                        TranslateClass(output);
                        break;
                    case '{':
                        TranslateAlternatives(output, braceDepth);
                        break;
                    case ']':
                        throw new GlobException(original, $"']' at position {_position + 1} has no matching '['");
                    case '}':
                        throw new GlobException(original, $"'}}' at position {_position + 1} has no matching '{{'");
                    default:
                        output.Append(Regex.Escape(c.ToString()));
                        _position++;
                        break;
                }
            }
        }

        private void TranslateStar(StringBuilder output)
        {
            var start = _position;
            while (_position < text.Length && text[_position] == '*')
            {
                _position++;
            }

            var atSegmentStart = start == 0 || text[start - 1] == '/';
            var atSegmentEnd = _position == text.Length || text[_position] == '/';
            if (_position - start >= 2 && atSegmentStart && atSegmentEnd)
            {
                if (_position < text.Length)
                {
                    // "**/" : any number of whole directories, including none.
                    output.Append("(?:.*/)?");
                    _position++;
                }
                else
                {
                    output.Append(".*");
                }

                return;
            }

            output.Append("[^/]*");
        }

        private void TranslateClass(StringBuilder output)
        {
            var start = _position;
            _position++;
            var negated = _position < text.Length && text[_position] is '!' or '^';
            if (negated)
            {
                _position++;
            }

            var members = new StringBuilder();
            var first = true;
            while (_position < text.Length && (text[_position] != ']' || first))
            {
                var c = text[_position];
                if (c == '\\' && _position + 1 < text.Length)
                {
                    _position++;
                    c = text[_position];
                }

                members.Append(c is '\\' or ']' or '[' or '^' ? "\\" + c : c.ToString());
                _position++;
                first = false;
            }

            if (_position >= text.Length)
            {
                throw new GlobException(original, $"'[' at position {start + 1} is never closed");
            }

            _position++;
            output.Append(negated ? "[^/" : "[").Append(members).Append(']');
        }

        private void TranslateAlternatives(StringBuilder output, int braceDepth)
        {
            var start = _position;
            _position++;
            if (!HasTopLevelComma(start))
            {
                // As in micromatch, braces without a comma are literal text (e.g. a template's "{{ values.name }}").
                output.Append("\\{");
                TranslateSequence(output, braceDepth + 1);
                if (_position >= text.Length)
                {
                    throw new GlobException(original, $"'{{' at position {start + 1} is never closed");
                }

                output.Append("\\}");
                _position++;
                return;
            }

            output.Append("(?:");
            while (true)
            {
                TranslateSequence(output, braceDepth + 1);
                if (_position >= text.Length)
                {
                    throw new GlobException(original, $"'{{' at position {start + 1} is never closed");
                }

                if (text[_position] == ',')
                {
                    output.Append('|');
                    _position++;
                    continue;
                }

                _position++;
                output.Append(')');
                return;
            }
        }

        private bool HasTopLevelComma(int open)
        {
            var depth = 0;
            for (var i = open; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case '\\':
                        i++;
                        break;
                    case '{':
                        depth++;
                        break;
                    case '}':
                        if (--depth == 0)
                        {
                            return false;
                        }

                        break;
                    case ',' when depth == 1:
                        return true;
                }
            }

            return false;
        }
    }
}

/// <summary>A glob pattern that cannot be used.</summary>
public sealed class GlobException(string pattern, string reason)
    : Exception($"Invalid glob pattern '{pattern}': {reason}")
{
    public string PatternText { get; } = pattern;

    public string Reason { get; } = reason;
}
