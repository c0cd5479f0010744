namespace Scaffolder.Publishing.Git;

/// <summary>The author or committer recorded on a commit.</summary>
public sealed record GitIdentity
{
    /// <summary>Backstage's fallback identity (<c>scaffolder.defaultAuthor</c> unset).</summary>
    public static readonly GitIdentity Scaffolder = new("Scaffolder", "scaffolder@backstage.io");

    public GitIdentity(string name, string email)
    {
        Name = Check(name, "author name");
        Email = Check(email, "author email");
    }

    public string Name { get; }

    public string Email { get; }

    /// <summary>The identity from optional inputs, each falling back to <paramref name="fallback"/>.</summary>
    public static GitIdentity From(string? name, string? email, GitIdentity fallback) =>
        new(string.IsNullOrWhiteSpace(name) ? fallback.Name : name, string.IsNullOrWhiteSpace(email) ? fallback.Email : email);

    // git stores identities as "Name <email>" lines; these characters would corrupt that line.
    private static string Check(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new PublishingInputException($"The git {what} must not be empty.");
        }

        if (value.IndexOfAny(['<', '>', '\n', '\r', '\0']) >= 0)
        {
            throw new PublishingInputException($"The git {what} '{value.ReplaceLineEndings(" ")}' must not contain '<', '>' or line breaks.");
        }

        return value.Trim();
    }
}
