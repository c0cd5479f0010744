using System.Text.Json.Nodes;
using Scaffolder.Catalog.Ingestion;
using Xunit;

namespace Scaffolder.Catalog.Tests.Ingestion;

public sealed class YamlDocumentsTests
{
    [Fact]
    public void Reads_every_document_of_a_stream()
    {
        var documents = YamlDocuments.Parse("a: 1\n---\nb: 2\n---\n# only a comment\n");

        Assert.Equal(3, documents.Count);
        Assert.Equal("""{"a":1}""", documents[0].Value!.ToJsonString());
        Assert.Equal("""{"b":2}""", documents[1].Value!.ToJsonString());
        Assert.Null(documents[2].Value);
    }

    [Fact]
    public void Plain_scalars_follow_the_yaml_1_2_core_schema()
    {
        var value = YamlDocuments.Parse("""
            int: 42
            negative: -7
            octal: 0o17
            hex: 0x1F
            float: 1.5
            exponent: 1e3
            yes: yes
            on: off
            t: true
            f: False
            n: ~
            empty:
            quoted: "true"
            single: '42'
            version: 1.10.0
            """)[0].Value!.AsObject();

        Assert.Equal(
            """{"int":42,"negative":-7,"octal":15,"hex":31,"float":1.5,"exponent":1000,"yes":"yes","on":"off","t":true,"f":false,"n":null,"empty":null,"quoted":"true","single":"42","version":"1.10.0"}""",
            value.ToJsonString());
    }

    [Fact]
    public void Explicit_tags_force_the_type()
    {
        Assert.Equal("""{"a":"5","b":5}""", YamlDocuments.Parse("a: !!str 5\nb: !!int \"5\"\n")[0].Value!.ToJsonString());
    }

    [Fact]
    public void Anchors_and_aliases_are_expanded()
    {
        var value = YamlDocuments.Parse("base: &b {x: 1}\ncopy: *b\n")[0].Value!;

        Assert.Equal("""{"base":{"x":1},"copy":{"x":1}}""", value.ToJsonString());
    }

    [Fact]
    public void A_syntax_error_reports_line_and_column_after_the_good_documents()
    {
        var documents = YamlDocuments.Parse("ok: 1\n---\nbad: [unclosed\n");

        Assert.Equal(2, documents.Count);
        Assert.NotNull(documents[0].Value);
        Assert.Matches("^YAML syntax error at line \\d+, column \\d+: ", documents[1].Error);
    }

    [Fact]
    public void Duplicate_keys_are_an_error()
    {
        Assert.Contains("Map keys must be unique", YamlDocuments.Parse("a: 1\na: 2\n")[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_bombs_are_stopped()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" +
            string.Join('\n', Enumerable.Range(0, 8).Select(i => $"{(char)('b' + i)}: &{(char)('b' + i)} [*{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}, *{(char)('a' + i)}]"));

        var documents = YamlDocuments.Parse(yaml);

        Assert.Contains("too large", documents[^1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalars_and_sequences_at_the_root_are_returned_as_such()
    {
        Assert.IsType<JsonArray>(YamlDocuments.Parse("- a\n- b\n")[0].Value);
    }
}
