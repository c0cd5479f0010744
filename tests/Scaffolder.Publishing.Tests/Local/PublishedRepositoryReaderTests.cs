using Scaffolder.Publishing.Git;
using Scaffolder.Publishing.Local;
using Scaffolder.Publishing.Tests.Infrastructure;

namespace Scaffolder.Publishing.Tests.Local;

public sealed class PublishedRepositoryReaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly PublishedRepositoryReader _reader = new(new GitCli());

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_catalog_file_of_a_published_repository_is_read_through_its_repo_contents_url()
    {
        var workspace = _temp.CreateDirectory("ws");
        _temp.WriteFile("ws/catalog-info.yaml", "kind: Component\n");
        var publisher = new LocalGitPublisher(new GitCli(), new LocalGitPublisherOptions { RepositoriesRoot = _temp.Combine("repos") });
        var published = await publisher.PublishAsync(new PublishGitRequest { WorkspacePath = workspace, Owner = "o", Repo = "r" });
        var reader = new PublishedRepositoryReader(new GitCli(), publisher.Store.Root);

        var content = await reader.ReadTextAsync(RepoContentsUrl.Combine(published.RepoContentsUrl, "/catalog-info.yaml"));

        Assert.Equal("kind: Component\n", content);
    }

    [Fact]
    public async Task A_branch_containing_a_slash_is_told_apart_from_the_file_path()
    {
        var bare = _temp.Combine("r.git");
        await TestGit.InitBareAsync(bare);
        await TestGit.SeedAsync(bare, "main", "release/1.0/a.txt", "on main");
        await TestGit.SeedAsync(bare, "release/1.0", "a.txt", "on release/1.0");
        var contents = RepoContentsUrl.Create(new Uri(bare).AbsoluteUri, "release/1.0");

        Assert.Equal("on release/1.0", await _reader.ReadTextAsync(RepoContentsUrl.Combine(contents, "a.txt")));
    }

    [Fact]
    public async Task A_missing_file_or_branch_is_a_not_found_error_naming_it()
    {
        var bare = _temp.Combine("r.git");
        await TestGit.InitBareAsync(bare);
        await TestGit.SeedAsync(bare, "main", "a.txt", "a");
        var remote = new Uri(bare).AbsoluteUri;

        var missingFile = await Assert.ThrowsAsync<PublishedFileNotFoundException>(() => _reader.ReadFileAsync(remote + "/-/blob/main/b.txt"));
        var missingBranch = await Assert.ThrowsAsync<PublishedFileNotFoundException>(() => _reader.ReadFileAsync(remote + "/-/blob/dev/a.txt"));

        Assert.Contains("'b.txt' does not exist on branch 'main'", missingFile.Message, StringComparison.Ordinal);
        Assert.Contains("No branch of", missingBranch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_is_read_from_a_repository_served_over_http()
    {
        var root = _temp.CreateDirectory("served");
        var bare = Path.Combine(root, "o", "r.git");
        await TestGit.InitBareAsync(bare);
        await TestGit.SeedAsync(bare, "main", "catalog-info.yaml", "served over http\n");
        await using var server = await GitSmartHttpServer.StartAsync(root, requiredAuthorization: "Bearer read-token-123");

        var content = await _reader.ReadTextAsync(server.UrlOf("o/r.git") + "/-/blob/main/catalog-info.yaml", GitCredentials.Bearer("read-token-123"));

        Assert.Equal("served over http\n", content);
    }

    [Fact]
    public async Task A_missing_local_repository_is_a_not_found_error()
    {
        var url = new Uri(_temp.Combine("nothing.git")).AbsoluteUri + "/-/blob/main/catalog-info.yaml";

        var error = await Assert.ThrowsAsync<PublishedFileNotFoundException>(() => _reader.ReadFileAsync(url));

        Assert.Contains("There is no repository at", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reader_confined_to_a_root_refuses_local_repositories_elsewhere()
    {
        var outside = _temp.Combine("outside.git");
        await TestGit.InitBareAsync(outside);
        await TestGit.SeedAsync(outside, "main", "a.txt", "a");
        var confined = new PublishedRepositoryReader(new GitCli(), _temp.CreateDirectory("repos"));

        var error = await Assert.ThrowsAsync<PublishingInputException>(() => confined.ReadFileAsync(new Uri(outside).AbsoluteUri + "/-/blob/main/a.txt"));

        Assert.Contains("the only place local repositories are read from", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://github.com/o/r/blob/main/catalog-info.yaml")]
    [InlineData("file:///x/r.git")]
    public void Urls_of_another_shape_are_not_claimed(string url) => Assert.False(PublishedRepositoryReader.CanRead(url));

    [Theory]
    [InlineData("file:///srv/r.git/-/blob/main", "/catalog-info.yaml", "file:///srv/r.git/-/blob/main/catalog-info.yaml")]
    [InlineData("file:///srv/r.git/-/blob/main/", "./docs/index.md", "file:///srv/r.git/-/blob/main/docs/index.md")]
    [InlineData("file:///srv/r.git/-/blob/main", "catalog-info.yaml", "file:///srv/r.git/-/blob/main/catalog-info.yaml")]
    public void Combine_appends_a_path_like_catalog_register_does(string contents, string path, string expected) =>
        Assert.Equal(expected, RepoContentsUrl.Combine(contents, path));
}
