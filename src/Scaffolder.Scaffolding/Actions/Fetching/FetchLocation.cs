namespace Scaffolder.Scaffolding.Actions.Fetching;

/// <summary>Where a <c>fetch:*</c> <c>url</c> input points, once resolved against the template's base URL.</summary>
public abstract record FetchLocation
{
    /// <summary>The location as shown in logs and errors.</summary>
    public abstract string Display { get; }
}

/// <summary>A file or folder on this machine (every symbolic link along the path already resolved).</summary>
public sealed record LocalFetchLocation(string Path) : FetchLocation
{
    public override string Display => Path;
}

/// <summary>An <c>http(s)</c> URL on an allowed host.</summary>
public sealed record RemoteFetchLocation(Uri Url) : FetchLocation
{
    public override string Display => Url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped);
}
