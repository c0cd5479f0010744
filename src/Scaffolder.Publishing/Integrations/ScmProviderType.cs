namespace Scaffolder.Publishing.Integrations;

/// <summary>The kinds of source-control hosts an integration can point at (Backstage's integration types, plus <see cref="Local"/>).</summary>
public enum ScmProviderType
{
    GitHub,
    GitLab,
    Azure,
    Bitbucket,

    /// <summary>Bare repositories on this machine, published by <c>publish:git</c>.</summary>
    Local,
}
