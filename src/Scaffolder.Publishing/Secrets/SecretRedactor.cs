using System.Text.Json;
using System.Text.RegularExpressions;

namespace Scaffolder.Publishing.Secrets;

/// <summary>
/// Replaces every known secret value in a text with <c>***</c>. Thread-safe; secrets can be added
/// at any time (a task learns its secrets as it runs). Besides each value as given, the forms in
/// which it typically leaks are covered too: each line of a multi-line value, its URL-encoded and
/// its JSON-escaped form. Values are trimmed, and values of one character or less are ignored
/// (as Backstage does), since redacting them would shred every message.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    private readonly object _gate = new();
    private readonly HashSet<string> _secrets = new(StringComparer.Ordinal);
    private Regex? _pattern;

    public SecretRedactor()
    {
    }

    public SecretRedactor(IEnumerable<string?> secrets) => AddRange(secrets);

    /// <summary>True when no secret is known (redaction is then the identity).</summary>
    public bool IsEmpty => Volatile.Read(ref _pattern) is null;

    public void Add(string? secret) => AddRange([secret]);

    public void AddRange(IEnumerable<string?> secrets)
    {
        lock (_gate)
        {
            var added = false;
            foreach (var secret in secrets)
            {
                foreach (var form in FormsOf(secret))
                {
                    added |= _secrets.Add(form);
                }
            }

            if (added)
            {
                // Longest first, so a secret that contains another is masked whole.
                var alternatives = _secrets.OrderByDescending(s => s.Length).ThenBy(s => s, StringComparer.Ordinal).Select(Regex.Escape);
                Volatile.Write(ref _pattern, new Regex(string.Join('|', alternatives), RegexOptions.CultureInvariant));
            }
        }
    }

    /// <summary>A new redactor knowing this one's secrets plus <paramref name="extra"/>.</summary>
    public SecretRedactor With(IEnumerable<string?> extra)
    {
        var copy = new SecretRedactor();
        lock (_gate)
        {
            copy.AddRange(_secrets);
        }

        copy.AddRange(extra);
        return copy;
    }

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        var pattern = Volatile.Read(ref _pattern);
        return pattern is null ? text : pattern.Replace(text, Mask);
    }

    private static IEnumerable<string> FormsOf(string? secret)
    {
        if (secret is null)
        {
            yield break;
        }

        var candidates = new List<string> { secret };
        if (secret.Contains('\n', StringComparison.Ordinal))
        {
            candidates.AddRange(secret.Split('\n'));
        }

        foreach (var candidate in candidates)
        {
            var trimmed = candidate.Trim();
            if (trimmed.Length <= 1)
            {
                continue;
            }

            yield return trimmed;
            yield return Uri.EscapeDataString(trimmed);
            var json = JsonEncodedText.Encode(trimmed).ToString();
            yield return json;
        }
    }
}
