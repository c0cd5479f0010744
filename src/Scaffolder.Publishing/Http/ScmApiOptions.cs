namespace Scaffolder.Publishing.Http;

/// <summary>Bounds for calls to a provider's REST API.</summary>
public sealed class ScmApiOptions
{
    /// <summary>Upper bound for one HTTP request, including reading the response.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a 429 or 5xx (idempotent requests also after a timeout or connection failure).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry waits this long, each later one twice as long (unless the server sends Retry-After).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>No single wait is longer than this, whatever Retry-After asks for.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public string UserAgent { get; set; } = "Scaffolder";
}
