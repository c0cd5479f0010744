namespace Scaffolder.Api.Hosting;

/// <summary>
/// Where the service finds the files it ships with (its own <c>catalog-info.yaml</c> and
/// <c>templates/</c>): <c>Scaffolder:RootDirectory</c> when set, otherwise the working directory
/// or the nearest folder above the executable that holds <c>catalog-info.yaml</c>.
/// </summary>
public sealed class ProductPaths
{
    public ProductPaths(IConfiguration configuration)
    {
        Root = configuration["Scaffolder:RootDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Discover();
    }

    public string Root { get; }

    public string CatalogInfo => Path.Combine(Root, "catalog-info.yaml");

    public string Templates => Path.Combine(Root, "templates");

    private static string Discover()
    {
        var cwd = Directory.GetCurrentDirectory();
        if (File.Exists(Path.Combine(cwd, "catalog-info.yaml")))
        {
            return cwd;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "catalog-info.yaml")) && Directory.Exists(Path.Combine(dir.FullName, "templates")))
            {
                return dir.FullName;
            }
        }

        return cwd;
    }
}
