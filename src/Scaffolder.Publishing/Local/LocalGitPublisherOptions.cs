namespace Scaffolder.Publishing.Local;

public sealed class LocalGitPublisherOptions
{
    /// <summary>Where local bare repositories live, as <c>&lt;root&gt;/&lt;owner&gt;/&lt;name&gt;.git</c>. Relative to the current directory.</summary>
    public string RepositoriesRoot { get; set; } = Path.Combine("data", "repos");

    public string DefaultBranch { get; set; } = "main";
}
