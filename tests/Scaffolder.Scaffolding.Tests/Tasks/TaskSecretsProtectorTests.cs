using System.Security.Cryptography;
using Scaffolder.Scaffolding.Tasks;
using Xunit;

namespace Scaffolder.Scaffolding.Tests.Tasks;

public sealed class TaskSecretsProtectorTests
{
    private static readonly string Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Secrets_round_trip_and_the_envelope_does_not_contain_them()
    {
        var protector = new TaskSecretsProtector(new ScaffolderOptions { SecretsKey = Key });

        var envelope = protector.Protect("task-1", new Dictionary<string, string> { ["token"] = "very-secret-value" });

        Assert.NotNull(envelope);
        Assert.DoesNotContain("very-secret-value", envelope, StringComparison.Ordinal);
        Assert.DoesNotContain("token", envelope, StringComparison.Ordinal);
        Assert.True(protector.TryUnprotect("task-1", envelope, out var secrets));
        Assert.Equal("very-secret-value", secrets["token"]);
    }

    [Fact]
    public void Another_replica_with_the_same_key_can_open_the_envelope()
    {
        var envelope = new TaskSecretsProtector(new ScaffolderOptions { SecretsKey = Key }).Protect("t", new Dictionary<string, string> { ["a"] = "b" });

        Assert.True(new TaskSecretsProtector(new ScaffolderOptions { SecretsKey = Key }).TryUnprotect("t", envelope, out var secrets));
        Assert.Equal("b", secrets["a"]);
    }

    [Fact]
    public void An_envelope_does_not_open_for_another_task_or_with_another_key()
    {
        var protector = new TaskSecretsProtector(new ScaffolderOptions { SecretsKey = Key });
        var envelope = protector.Protect("task-1", new Dictionary<string, string> { ["token"] = "x" });

        Assert.False(protector.TryUnprotect("task-2", envelope, out _));
        Assert.False(new TaskSecretsProtector(new ScaffolderOptions()).TryUnprotect("task-1", envelope, out _));
        Assert.False(protector.TryUnprotect("task-1", "v1:not-base64!", out _));
    }

    [Fact]
    public void No_secrets_store_nothing_and_without_a_key_the_protector_is_ephemeral()
    {
        var protector = new TaskSecretsProtector(new ScaffolderOptions());

        Assert.True(protector.IsEphemeral);
        Assert.Null(protector.Protect("t", new Dictionary<string, string>()));
        Assert.True(protector.TryUnprotect("t", null, out var secrets));
        Assert.Empty(secrets);
    }

    [Theory]
    [InlineData("not base64")]
    [InlineData("c2hvcnQ=")]
    public void A_malformed_configured_key_is_refused_at_start_up(string key) =>
        Assert.Throws<InvalidOperationException>(() => new TaskSecretsProtector(new ScaffolderOptions { SecretsKey = key }));
}
