using Scaffolder.Publishing.Git;

namespace Scaffolder.Publishing.Tests.Git;

public sealed class GitBranchNameTests
{
    [Theory]
    [InlineData("main")]
    [InlineData("master")]
    [InlineData("release/1.0")]
    [InlineData("feature/a_b-c")]
    public void Ordinary_branch_names_are_accepted(string branch) => Assert.Equal(branch, GitBranchName.Validate(branch));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("-main")]
    [InlineData("has space")]
    [InlineData("a..b")]
    [InlineData("a~1")]
    [InlineData("a^")]
    [InlineData("a:b")]
    [InlineData("a?")]
    [InlineData("a*")]
    [InlineData("a[b")]
    [InlineData("a\\b")]
    [InlineData("/main")]
    [InlineData("main/")]
    [InlineData("main.")]
    [InlineData("a//b")]
    [InlineData("a@{1}")]
    [InlineData("@")]
    [InlineData(".hidden")]
    [InlineData("x/.hidden")]
    [InlineData("x.lock")]
    [InlineData("line\nbreak")]
    public void Names_git_refuses_fail_with_a_message_naming_the_branch(string branch)
    {
        var error = Assert.Throws<PublishingInputException>(() => GitBranchName.Validate(branch));

        Assert.Contains("branch", error.Message, StringComparison.Ordinal);
    }
}
