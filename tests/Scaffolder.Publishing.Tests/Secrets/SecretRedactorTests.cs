using Scaffolder.Publishing.Secrets;

namespace Scaffolder.Publishing.Tests.Secrets;

public sealed class SecretRedactorTests
{
    [Fact]
    public void Every_occurrence_of_every_secret_is_masked()
    {
        var redactor = new SecretRedactor(["s3cr3t", "hunter22"]);

        Assert.Equal("a *** b *** c ***", redactor.Redact("a s3cr3t b hunter22 c s3cr3t"));
    }

    [Fact]
    public void A_secret_containing_another_is_masked_whole()
    {
        var redactor = new SecretRedactor(["abc", "xxabcxx"]);

        Assert.Equal("[***]", redactor.Redact("[xxabcxx]"));
    }

    [Fact]
    public void Values_are_trimmed_and_one_character_values_are_ignored_as_Backstage_does()
    {
        var redactor = new SecretRedactor(["  token-value \n", "x", "", null]);

        Assert.Equal("x *** x", redactor.Redact("x token-value x"));
    }

    [Fact]
    public void Each_line_of_a_multi_line_secret_is_masked_on_its_own()
    {
        var redactor = new SecretRedactor(["-----BEGIN KEY-----\nMIIEvQIBADANBg\n-----END KEY-----"]);

        var redacted = redactor.Redact("key line: MIIEvQIBADANBg seen");

        Assert.Equal("key line: *** seen", redacted);
    }

    [Fact]
    public void Url_encoded_and_json_escaped_forms_are_masked()
    {
        var redactor = new SecretRedactor(["p@ss/w+rd\"x"]);

        Assert.Equal("url=***", redactor.Redact("url=" + Uri.EscapeDataString("p@ss/w+rd\"x")));
        Assert.Equal("{\"v\":\"***\"}", redactor.Redact("{\"v\":\"p@ss/w\\u002Brd\\u0022x\"}"));
    }

    [Fact]
    public void Regex_metacharacters_in_secrets_are_matched_literally()
    {
        var redactor = new SecretRedactor(["a.b*c"]);

        Assert.Equal("axbbc ***", redactor.Redact("axbbc a.b*c"));
    }

    [Fact]
    public void Secrets_added_later_are_masked_from_then_on()
    {
        var redactor = new SecretRedactor();
        Assert.True(redactor.IsEmpty);
        Assert.Equal("late-secret", redactor.Redact("late-secret"));

        redactor.Add("late-secret");

        Assert.False(redactor.IsEmpty);
        Assert.Equal("***", redactor.Redact("late-secret"));
    }

    [Fact]
    public void With_returns_a_redactor_with_both_sets_and_leaves_the_original_unchanged()
    {
        var original = new SecretRedactor(["first-secret"]);

        var extended = original.With(["second-secret"]);

        Assert.Equal("*** ***", extended.Redact("first-secret second-secret"));
        Assert.Equal("*** second-secret", original.Redact("first-secret second-secret"));
    }

    [Fact]
    public void Concurrent_adds_and_redactions_lose_no_secret()
    {
        var redactor = new SecretRedactor();

        Parallel.For(0, 200, i =>
        {
            redactor.Add($"secret-number-{i:000}");
            _ = redactor.Redact("noise");
        });

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal("***", redactor.Redact($"secret-number-{i:000}"));
        }
    }

    [Fact]
    public void Null_and_empty_texts_redact_to_empty()
    {
        var redactor = new SecretRedactor(["abc"]);

        Assert.Equal(string.Empty, redactor.Redact(null));
        Assert.Equal(string.Empty, redactor.Redact(string.Empty));
    }
}
