using System.Text.RegularExpressions;

namespace Scaffolder.Publishing.Local;

/// <summary>
/// Owner and repository names for repositories kept on this machine. They become directory names, so
/// only a conservative character set is accepted: no separators, no <c>..</c>, nothing hidden.
/// </summary>
public static partial class LocalRepositoryName
{
    public const int MaxLength = 100;

    public static string Validate(string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new PublishingInputException($"The repository {what} must not be empty.");
        }

        var shown = value.ReplaceLineEndings(" ");
        if (value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal))
        {
            throw new PublishingInputException($"Invalid repository {what} '{shown}': it must be a single name, without '/' or '\\'.");
        }

        if (value is "." or ".." || value.Contains("..", StringComparison.Ordinal))
        {
            throw new PublishingInputException($"Invalid repository {what} '{shown}': '..' is not allowed.");
        }

        if (value.Length > MaxLength || !Allowed().IsMatch(value))
        {
            throw new PublishingInputException(
                $"Invalid repository {what} '{shown}': use 1 to {MaxLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        if (value.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            throw new PublishingInputException($"Invalid repository {what} '{shown}': leave out the '.git' suffix.");
        }

        return value;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex Allowed();
}
