using Scaffolder.Publishing.Git;

namespace Scaffolder.Publishing.Tests.Git;

public sealed class GitRemoteTests
{
    [Fact]
    public void An_absolute_path_is_a_local_remote()
    {
        var remote = GitRemote.Parse("/srv/repos/a/b.git");

        Assert.True(remote.IsLocal);
        Assert.Equal("/srv/repos/a/b.git", remote.LocalPath);
    }

    [Fact]
    public void A_file_url_is_a_local_remote_with_its_path()
    {
        var remote = GitRemote.Parse("file:///srv/my%20repos/b.git");

        Assert.Equal("/srv/my repos/b.git", remote.LocalPath);
        Assert.Equal("file:///srv/my%20repos/b.git", remote.Url);
    }

    [Fact]
    public void Credentials_in_an_https_url_are_lifted_out_of_the_url()
    {
        var remote = GitRemote.Parse("https://bot:pa%24%24word@git.example.com/o/r.git");

        Assert.Equal("https://git.example.com/o/r.git", remote.Url);
        Assert.NotNull(remote.Credentials);
        Assert.Contains("pa$$word", remote.Credentials!.Secrets);
        Assert.StartsWith("Basic ", remote.Credentials.AuthorizationHeader, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_token_as_url_user_name_is_treated_as_a_secret()
    {
        var remote = GitRemote.Parse("https://ghp_abcdef123456@github.com/o/r.git");

        Assert.Equal("https://github.com/o/r.git", remote.Url);
        Assert.Contains("ghp_abcdef123456", remote.Credentials!.Secrets);
    }

    [Theory]
    [InlineData("ssh://git@host/o/r.git")]
    [InlineData("git@github.com:o/r.git")]
    [InlineData("http://127.0.0.1:8080/o/r.git")]
    [InlineData("git://host/o/r.git")]
    public void Network_urls_are_accepted_as_given(string url) => Assert.False(GitRemote.Parse(url).IsLocal);

    [Theory]
    [InlineData("ext::sh -c touch% /tmp/pwned", "remote helper")]
    [InlineData("fd::17", "remote helper")]
    [InlineData("--upload-pack=touch /tmp/pwned", "must not start with '-'")]
    [InlineData("relative/path.git", "neither an absolute path nor a git URL")]
    [InlineData("ftp://host/r.git", "unsupported scheme")]
    [InlineData("file://otherhost/r.git", "another host")]
    [InlineData("https://host/r.git\nevil", "control characters")]
    [InlineData("", "must not be empty")]
    public void Unsafe_or_unsupported_remotes_are_refused_with_a_reason(string remote, string reason)
    {
        var error = Assert.Throws<PublishingInputException>(() => GitRemote.Parse(remote));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_remote_never_shows_its_password_in_the_message()
    {
        var error = Assert.Throws<PublishingInputException>(() => GitRemote.Parse("ftp://user:topsecretpw@host/r.git"));

        Assert.DoesNotContain("topsecretpw", error.Message, StringComparison.Ordinal);
    }
}
