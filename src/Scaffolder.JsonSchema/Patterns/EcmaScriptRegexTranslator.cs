using System.Globalization;
using System.Text;

namespace Scaffolder.JsonSchema.Patterns;

/// <summary>The outcome of translating an ECMAScript pattern: a .NET pattern, or why the source is not a valid regex.</summary>
internal sealed record RegexTranslation(string? DotNetPattern, bool NeedsBacktracking, string? Error);

/// <summary>
/// Translates an ECMAScript regular expression (as JSON Schema's <c>pattern</c> defines it) into an
/// equivalent .NET pattern. Like the <c>jsonschema</c> npm library, the pattern is read with the
/// <c>u</c> flag first and, when that is a syntax error, with the lenient legacy (Annex B) grammar.
/// Differences handled: <c>\d \w \s \b</c> and <c>.</c> keep their ECMAScript (ASCII / JS-whitespace)
/// meanings, <c>$</c> matches only at the very end, astral code points count as one character in
/// <c>u</c> mode, capture groups are numbered left to right, and a backreference to a group that
/// has not matched matches the empty string.
/// </summary>
internal sealed class EcmaScriptRegexTranslator
{
    private const string SyntaxCharacters = "^$\\.*+?()[]{}|/";

    private readonly string _source;
    private readonly bool _unicode;
    private readonly StringBuilder _output = new();
    private readonly Dictionary<string, int> _groupNames = new(StringComparer.Ordinal);
    private int _groupCount;
    private int _nextGroup;
    private int _position;
    private bool _needsBacktracking;

    private EcmaScriptRegexTranslator(string source, bool unicode)
    {
        _source = source;
        _unicode = unicode;
    }

    public static RegexTranslation Translate(string pattern)
    {
        var strict = new EcmaScriptRegexTranslator(pattern, unicode: true).Run();
        if (strict.Error is null)
        {
            return strict;
        }

        return new EcmaScriptRegexTranslator(pattern, unicode: false).Run();
    }

    private RegexTranslation Run()
    {
        try
        {
            CountGroups();
            ParseDisjunction();
            if (_position < _source.Length)
            {
                // Only an unmatched ')' stops the top-level disjunction early.
                throw Fail("Unmatched ')'");
            }

            return new RegexTranslation(_output.ToString(), _needsBacktracking, null);
        }
        catch (PatternSyntaxException e)
        {
            return new RegexTranslation(null, false, e.Message);
        }
    }

    private PatternSyntaxException Fail(string message) =>
        new($"Invalid regular expression: /{_source}/: {message}");

    private bool AtEnd => _position >= _source.Length;

    private char Peek(int ahead = 0) => _position + ahead < _source.Length ? _source[_position + ahead] : '\0';

    private bool LookingAt(string text) => string.CompareOrdinal(_source, _position, text, 0, text.Length) == 0;

    /// <summary>Numbers capture groups left to right, as ECMAScript does, before translating backreferences.</summary>
    private void CountGroups()
    {
        var inClass = false;
        for (var i = 0; i < _source.Length; i++)
        {
            var c = _source[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                if (i + 1 < _source.Length && _source[i + 1] == '?')
                {
                    if (i + 2 < _source.Length && _source[i + 2] == '<' && i + 3 < _source.Length && _source[i + 3] is not ('=' or '!'))
                    {
                        _groupCount++;
                        var close = _source.IndexOf('>', i + 3);
                        if (close > 0)
                        {
                            _groupNames.TryAdd(_source[(i + 3)..close], _groupCount);
                        }
                    }
                }
                else
                {
                    _groupCount++;
                }
            }
        }
    }

    private void ParseDisjunction()
    {
        ParseAlternative();
        while (!AtEnd && Peek() == '|')
        {
            _position++;
            _output.Append('|');
            ParseAlternative();
        }
    }

    private void ParseAlternative()
    {
        while (!AtEnd && Peek() != '|' && Peek() != ')')
        {
            ParseTerm();
        }
    }

    private void ParseTerm()
    {
        var quantifiable = true;
        var notQuantifiableReason = "Nothing to repeat";
        var c = Peek();
        switch (c)
        {
            case '^':
                _position++;
                _output.Append('^');
                quantifiable = false;
                break;
            case '$':
                _position++;
                _output.Append(@"\z");
                quantifiable = false;
                break;
            case '\\' when Peek(1) is 'b' or 'B':
                _position += 2;
                AppendWordBoundary(negated: _source[_position - 1] == 'B');
                quantifiable = false;
                break;
            case '(':
                quantifiable = ParseGroup();
                notQuantifiableReason = "Invalid quantifier";
                break;
            case '[':
                ParseClass();
                break;
            case '.':
                _position++;
                AppendSet(Complement(CodePointSet.LineTerminators));
                break;
            case '*' or '+' or '?':
                throw Fail("Nothing to repeat");
            case '{':
                if (TryReadBraceQuantifier(out _, out _, consume: false))
                {
                    throw Fail("Nothing to repeat");
                }

                if (_unicode)
                {
                    throw Fail("Lone quantifier brackets");
                }

                _position++;
                AppendLiteral('{');
                break;
            case '}' or ']':
                if (_unicode)
                {
                    throw Fail("Lone quantifier brackets");
                }

                _position++;
                AppendLiteral(c);
                break;
            case '\\':
                ParseAtomEscape();
                break;
            default:
                AppendLiteral(ReadSourceCodePoint());
                break;
        }

        ParseQuantifier(quantifiable, notQuantifiableReason);
    }

    private void ParseQuantifier(bool quantifiable, string notQuantifiableReason)
    {
        if (AtEnd)
        {
            return;
        }

        var c = Peek();
        string quantifier;
        if (c is '*' or '+' or '?')
        {
            _position++;
            quantifier = c.ToString();
        }
        else if (c == '{' && TryReadBraceQuantifier(out var min, out var max, consume: true))
        {
            if (max is not null && max < min)
            {
                throw Fail("numbers out of order in {} quantifier");
            }

            quantifier = max == min
                ? "{" + min.ToString(CultureInfo.InvariantCulture) + "}"
                : "{" + min.ToString(CultureInfo.InvariantCulture) + "," + (max?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + "}";
        }
        else
        {
            return;
        }

        if (!quantifiable)
        {
            throw Fail(notQuantifiableReason);
        }

        _output.Append(quantifier);
        if (Peek() == '?' && !AtEnd)
        {
            _position++;
            _output.Append('?');
        }

        if (!AtEnd && (Peek() is '*' or '+' or '?' || (Peek() == '{' && TryReadBraceQuantifier(out _, out _, consume: false))))
        {
            throw Fail("Nothing to repeat");
        }
    }

    private bool TryReadBraceQuantifier(out int min, out int? max, bool consume)
    {
        min = 0;
        max = null;
        var i = _position + 1;
        var start = i;
        while (i < _source.Length && char.IsAsciiDigit(_source[i]))
        {
            i++;
        }

        if (i == start || !int.TryParse(_source.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out min))
        {
            return false;
        }

        if (i < _source.Length && _source[i] == ',')
        {
            i++;
            var maxStart = i;
            while (i < _source.Length && char.IsAsciiDigit(_source[i]))
            {
                i++;
            }

            if (i > maxStart)
            {
                if (!int.TryParse(_source.AsSpan(maxStart, i - maxStart), NumberStyles.None, CultureInfo.InvariantCulture, out var parsedMax))
                {
                    return false;
                }

                max = parsedMax;
            }
        }
        else
        {
            max = min;
        }

        if (i >= _source.Length || _source[i] != '}')
        {
            return false;
        }

        if (consume)
        {
            _position = i + 1;
        }

        return true;
    }

    /// <summary>Translates a group; returns whether a quantifier may follow it.</summary>
    private bool ParseGroup()
    {
        _position++;
        bool quantifiable;
        if (LookingAt("?=") || LookingAt("?!"))
        {
            _output.Append("(?").Append(Peek(1));
            _position += 2;
            _needsBacktracking = true;

            // Annex B lets a lookahead be quantified outside u mode.
            quantifiable = !_unicode;
        }
        else if (LookingAt("?<=") || LookingAt("?<!"))
        {
            _output.Append("(?<").Append(Peek(2));
            _position += 3;
            _needsBacktracking = true;
            quantifiable = false;
        }
        else if (LookingAt("?:"))
        {
            _output.Append("(?:");
            _position += 2;
            quantifiable = true;
        }
        else if (LookingAt("?<"))
        {
            _position += 2;
            var name = ReadGroupName();
            _output.Append("(?<g").Append(++_nextGroup).Append('>');
            if (_groupNames.TryGetValue(name, out var number) && number != _nextGroup)
            {
                throw Fail("Duplicate capture group name");
            }

            quantifiable = true;
        }
        else if (Peek() == '?')
        {
            throw Fail("Invalid group");
        }
        else
        {
            _output.Append("(?<g").Append(++_nextGroup).Append('>');
            quantifiable = true;
        }

        ParseDisjunction();
        if (AtEnd || Peek() != ')')
        {
            throw Fail("Unterminated group");
        }

        _position++;
        _output.Append(')');
        return quantifiable;
    }

    private string ReadGroupName()
    {
        var close = _source.IndexOf('>', _position);
        if (close < 0)
        {
            throw Fail("Invalid capture group name");
        }

        var name = _source[_position..close];
        if (name.Length == 0 || !IsIdentifierStart(name[0]) || !name.Skip(1).All(IsIdentifierPart))
        {
            throw Fail("Invalid capture group name");
        }

        _position = close + 1;
        return name;
    }

    private static bool IsIdentifierStart(char c) => c == '$' || c == '_' || char.IsLetter(c);

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsDigit(c);

    private void ParseAtomEscape()
    {
        _position++;
        if (AtEnd)
        {
            throw Fail("\\ at end of pattern");
        }

        var c = Peek();
        if (c is >= '1' and <= '9')
        {
            ParseDecimalEscape();
            return;
        }

        if (c == 'k' && (_unicode || _groupNames.Count > 0))
        {
            _position++;
            if (Peek() != '<')
            {
                throw Fail("Invalid named reference");
            }

            _position++;
            var name = ReadGroupName();
            if (!_groupNames.TryGetValue(name, out var number))
            {
                throw Fail("Invalid named capture referenced");
            }

            AppendBackreference(number);
            return;
        }

        var escape = ReadCharacterOrClassEscape(inClass: false);
        if (escape.Set is not null || escape.ClassItems is not null)
        {
            AppendSet(escape.Set ?? new CodePointSet(), escape.ClassItems ?? string.Empty);
        }
        else
        {
            AppendLiteral(escape.CodePoint);
        }
    }

    private void ParseDecimalEscape()
    {
        var start = _position;
        while (!AtEnd && char.IsAsciiDigit(Peek()))
        {
            _position++;
        }

        var digits = _source[start.._position];
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= _groupCount)
        {
            AppendBackreference(number);
            return;
        }

        if (_unicode)
        {
            throw Fail("Invalid escape");
        }

        // Legacy grammar: a reference past the last group is an octal escape, or a literal 8/9.
        _position = start;
        if (Peek() is '8' or '9')
        {
            _position++;
            AppendLiteral(_source[start]);
            return;
        }

        AppendLiteral(ReadLegacyOctal());
    }

    private int ReadLegacyOctal()
    {
        var value = 0;
        var count = 0;
        while (!AtEnd && Peek() is >= '0' and <= '7' && count < 3)
        {
            var next = (value * 8) + (Peek() - '0');
            if (next > 0xFF)
            {
                break;
            }

            value = next;
            count++;
            _position++;
        }

        return value;
    }

    private void AppendBackreference(int number)
    {
        // ECMAScript: a reference to a group that has not participated matches the empty string.
        _output.Append("(?(g").Append(number).Append(")\\k<g").Append(number).Append(">|)");
        _needsBacktracking = true;
    }

    private readonly record struct Escape(int CodePoint, CodePointSet? Set = null, string? ClassItems = null);

    /// <summary>Reads the escape after a backslash (already consumed): a character, a class escape or a property.</summary>
    private Escape ReadCharacterOrClassEscape(bool inClass)
    {
        var c = Peek();
        _position++;
        switch (c)
        {
            case 'd': return new Escape(0, CodePointSet.Digits);
            case 'D': return new Escape(0, Complement(CodePointSet.Digits));
            case 'w': return new Escape(0, CodePointSet.WordCharacters);
            case 'W': return new Escape(0, Complement(CodePointSet.WordCharacters));
            case 's': return new Escape(0, CodePointSet.Whitespace);
            case 'S': return new Escape(0, Complement(CodePointSet.Whitespace));
            case 'p' or 'P' when _unicode:
                return ReadProperty(negated: c == 'P');
            case 'f': return new Escape('\f');
            case 'n': return new Escape('\n');
            case 'r': return new Escape('\r');
            case 't': return new Escape('\t');
            case 'v': return new Escape('\v');
            case 'b' when inClass: return new Escape('\b');
            case '-' when inClass: return new Escape('-');
            case 'c':
                if (char.IsAsciiLetter(Peek()) || (inClass && !_unicode && (char.IsAsciiDigit(Peek()) || Peek() == '_')))
                {
                    var control = Peek() % 32;
                    _position++;
                    return new Escape(control);
                }

                if (_unicode)
                {
                    throw Fail("Invalid unicode escape");
                }

                // Legacy: "\c" without a control letter is a literal backslash followed by "c".
                _position--;
                return new Escape('\\');
            case '0' when !char.IsAsciiDigit(Peek()):
                return new Escape(0);
            case 'x':
                if (TryReadHex(2, out var hex))
                {
                    return new Escape(hex);
                }

                return _unicode ? throw Fail("Invalid escape") : new Escape('x');
            case 'u':
                return new Escape(ReadUnicodeEscape());
        }

        if (char.IsAsciiDigit(c))
        {
            if (_unicode)
            {
                throw Fail(inClass ? "Invalid class escape" : "Invalid decimal escape");
            }

            _position--;
            if (Peek() is '8' or '9')
            {
                _position++;
                return new Escape(c);
            }

            return new Escape(ReadLegacyOctal());
        }

        if (_unicode && !SyntaxCharacters.Contains(c, StringComparison.Ordinal))
        {
            throw Fail("Invalid escape");
        }

        _position--;
        return new Escape(ReadSourceCodePoint());
    }

    private Escape ReadProperty(bool negated)
    {
        if (Peek() != '{')
        {
            throw Fail("Invalid property name");
        }

        var close = _source.IndexOf('}', _position);
        if (close < 0)
        {
            throw Fail("Invalid property name");
        }

        var name = _source[(_position + 1)..close];
        _position = close + 1;
        if (!UnicodeProperties.TryResolve(name, out var classItems, out var set))
        {
            throw Fail($"Invalid property name (\\p{{{name}}} is not supported)");
        }

        if (set is not null)
        {
            return new Escape(0, negated ? Complement(set) : set);
        }

        return new Escape(0, null, negated ? classItems!.Replace(@"\p{", @"\P{", StringComparison.Ordinal) : classItems);
    }

    private bool TryReadHex(int length, out int value)
    {
        value = 0;
        if (_position + length > _source.Length)
        {
            return false;
        }

        if (!int.TryParse(_source.AsSpan(_position, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        foreach (var c in _source.AsSpan(_position, length))
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        _position += length;
        return true;
    }

    private int ReadUnicodeEscape()
    {
        if (_unicode && Peek() == '{')
        {
            var close = _source.IndexOf('}', _position);
            var digits = close < 0 ? string.Empty : _source[(_position + 1)..close];
            if (digits.Length == 0 || !digits.All(char.IsAsciiHexDigit)
                || !int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var codePoint)
                || codePoint > CodePointSet.MaxCodePoint)
            {
                throw Fail("Invalid Unicode escape");
            }

            _position = close + 1;
            return codePoint;
        }

        if (!TryReadHex(4, out var unit))
        {
            return _unicode ? throw Fail("Invalid Unicode escape") : 'u';
        }

        // In u mode an escaped surrogate pair (\uD83D\uDE00) denotes one code point.
        if (_unicode && unit is >= 0xD800 and <= 0xDBFF && LookingAt("\\u"))
        {
            var save = _position;
            _position += 2;
            if (TryReadHex(4, out var low) && low is >= 0xDC00 and <= 0xDFFF)
            {
                return char.ConvertToUtf32((char)unit, (char)low);
            }

            _position = save;
        }

        return unit;
    }

    private int ReadSourceCodePoint()
    {
        var c = _source[_position++];
        if (_unicode && char.IsHighSurrogate(c) && !AtEnd && char.IsLowSurrogate(Peek()))
        {
            return char.ConvertToUtf32(c, _source[_position++]);
        }

        return c;
    }

    private void ParseClass()
    {
        _position++;
        var negated = false;
        if (Peek() == '^' && !AtEnd)
        {
            negated = true;
            _position++;
        }

        var set = new CodePointSet();
        var items = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw Fail("Unterminated character class");
            }

            if (Peek() == ']')
            {
                _position++;
                break;
            }

            var first = ReadClassAtom();
            if (Peek() == '-' && _position + 1 < _source.Length && _source[_position + 1] != ']')
            {
                _position++;
                var second = ReadClassAtom();
                if (first.Set is not null || first.ClassItems is not null || second.Set is not null || second.ClassItems is not null)
                {
                    if (_unicode)
                    {
                        throw Fail("Invalid character class");
                    }

                    AddClassAtom(set, items, first);
                    set.Add('-', '-');
                    AddClassAtom(set, items, second);
                    continue;
                }

                if (first.CodePoint > second.CodePoint)
                {
                    throw Fail("Range out of order in character class");
                }

                set.Add(first.CodePoint, second.CodePoint);
                continue;
            }

            AddClassAtom(set, items, first);
        }

        if (items.Length == 0)
        {
            AppendSet(negated ? Complement(set) : set);
            return;
        }

        // Property items (\p{L}) cannot be complemented as sets; let .NET's class do it (BMP only).
        var classItems = items.ToString();
        if (negated)
        {
            _output.Append(_unicode ? "(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|" : "(?:");
            _output.Append(RemoveBrackets(set, negate: true, classItems)).Append(')');
        }
        else
        {
            AppendSet(set, classItems);
        }
    }

    private static string RemoveBrackets(CodePointSet set, bool negate, string classItems)
    {
        var builder = new StringBuilder(negate ? "[^" : "[");
        foreach (var (low, high) in set.Ranges)
        {
            if (low > CodePointSet.MaxCodeUnit)
            {
                continue;
            }

            builder.Append(CodePointSet.Unit(low));
            var bmpHigh = Math.Min(high, CodePointSet.MaxCodeUnit);
            if (bmpHigh > low)
            {
                builder.Append('-').Append(CodePointSet.Unit(bmpHigh));
            }
        }

        return builder.Append(classItems).Append(']').ToString();
    }

    private static void AddClassAtom(CodePointSet set, StringBuilder items, Escape atom)
    {
        if (atom.Set is not null)
        {
            set.Add(atom.Set);
        }
        else if (atom.ClassItems is not null)
        {
            items.Append(atom.ClassItems);
        }
        else
        {
            set.Add(atom.CodePoint, atom.CodePoint);
        }
    }

    private Escape ReadClassAtom()
    {
        if (Peek() == '\\')
        {
            _position++;
            if (AtEnd)
            {
                throw Fail("\\ at end of pattern");
            }

            return ReadCharacterOrClassEscape(inClass: true);
        }

        return new Escape(ReadSourceCodePoint());
    }

    /// <summary>The complement over the code space of the current mode (lone surrogates left out in u mode, so pairs are never split).</summary>
    private CodePointSet Complement(CodePointSet set) =>
        _unicode
            ? set.Complement(CodePointSet.MaxCodePoint).Without(0xD800, 0xDFFF)
            : set.Complement(CodePointSet.MaxCodeUnit);

    private void AppendSet(CodePointSet set, string classItems = "") => _output.Append(set.ToDotNetPattern(classItems));

    private void AppendLiteral(int codePoint)
    {
        if (codePoint > CodePointSet.MaxCodeUnit)
        {
            var text = char.ConvertFromUtf32(codePoint);
            _output.Append("(?:").Append(CodePointSet.Unit(text[0])).Append(CodePointSet.Unit(text[1])).Append(')');
        }
        else if (char.IsAsciiLetterOrDigit((char)codePoint))
        {
            _output.Append((char)codePoint);
        }
        else
        {
            _output.Append(CodePointSet.Unit(codePoint));
        }
    }

    private void AppendWordBoundary(bool negated)
    {
        const string word = "[0-9A-Za-z_]";
        _output.Append(negated
            ? $"(?:(?<={word})(?={word})|(?<!{word})(?!{word}))"
            : $"(?:(?<={word})(?!{word})|(?<!{word})(?={word}))");
        _needsBacktracking = true;
    }

    private sealed class PatternSyntaxException(string message) : Exception(message);
}
