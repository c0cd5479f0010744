namespace Scaffolder.Publishing.Http;

/// <summary>A provider's REST API refused a request, failed, or did not answer. The message is redacted.</summary>
public sealed class ScmApiException : PublishingException
{
    public ScmApiException(string message, string provider, string method, string path, int? statusCode, string? providerMessage)
        : base(message)
    {
        Provider = provider;
        Method = method;
        Path = path;
        StatusCode = statusCode;
        ProviderMessage = providerMessage;
    }

    public string Provider { get; }

    public string Method { get; }

    /// <summary>The request path relative to the API root.</summary>
    public string Path { get; }

    /// <summary>The HTTP status; null when no response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>What the provider said about the failure, redacted.</summary>
    public string? ProviderMessage { get; }
}
