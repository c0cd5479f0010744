namespace Scaffolder.Publishing.Git;

/// <summary>Validates branch names by git's <c>check-ref-format --branch</c> rules, with a message a person can act on.</summary>
public static class GitBranchName
{
    private static readonly char[] Forbidden = [' ', '~', '^', ':', '?', '*', '[', '\\', '\u007f'];

    public static string Validate(string? branch, string what = "branch")
    {
        if (string.IsNullOrWhiteSpace(branch))
        {
            throw new PublishingInputException($"The {what} name must not be empty.");
        }

        var problem = FindProblem(branch);
        if (problem is not null)
        {
            throw new PublishingInputException($"Invalid {what} name '{branch.ReplaceLineEndings(" ")}': {problem}.");
        }

        return branch;
    }

    private static string? FindProblem(string branch)
    {
        if (branch.Any(char.IsControl) || branch.IndexOfAny(Forbidden) >= 0)
        {
            return "it must not contain spaces, control characters or any of ~ ^ : ? * [ \\";
        }

        if (branch.StartsWith('-') || branch.StartsWith('/') || branch.EndsWith('/') || branch.EndsWith('.'))
        {
            return "it must not start with '-' or '/', nor end with '/' or '.'";
        }

        if (branch.Contains("..", StringComparison.Ordinal) || branch.Contains("//", StringComparison.Ordinal) || branch.Contains("@{", StringComparison.Ordinal))
        {
            return "it must not contain '..', '//' or '@{'";
        }

        if (branch == "@" || branch.Split('/').Any(part => part.StartsWith('.') || part.EndsWith(".lock", StringComparison.Ordinal)))
        {
            return "no part may start with '.' or end with '.lock', and '@' alone is reserved";
        }

        return null;
    }
}
