using Scaffolder.Catalog.Querying;
using Scaffolder.Common.Errors;
using Scaffolder.Storage.Catalog;
using Xunit;

namespace Scaffolder.Catalog.Tests.Querying;

public sealed class FilterParserTests
{
    [Fact]
    public void Statements_are_and_ed_with_keys_and_values_lowercased_and_trimmed()
    {
        var predicate = FilterParser.Parse([" Kind = Component , spec.Type=Service "]);

        Assert.Equal(
            new AllOf([new ValueIn("kind", ["component"]), new ValueIn("spec.type", ["service"])]),
            predicate,
            PredicateComparer.Instance);
    }

    [Fact]
    public void Separate_parameters_are_or_ed()
    {
        var predicate = Assert.IsType<AnyOf>(FilterParser.Parse(["kind=api", "kind=group"]));

        Assert.Equal(2, predicate.Items.Count);
    }

    [Fact]
    public void A_repeated_key_becomes_one_list_of_alternatives()
    {
        var predicate = FilterParser.Parse(["kind=user,kind=group"]);

        Assert.Equal(new AllOf([new ValueIn("kind", ["user", "group"])]), predicate, PredicateComparer.Instance);
    }

    [Fact]
    public void A_bare_key_is_existence_and_an_empty_value_matches_empty_text()
    {
        Assert.Equal(new AllOf([new HasKey("spec.owner")]), FilterParser.Parse(["spec.owner"]), PredicateComparer.Instance);
        Assert.Equal(new AllOf([new ValueIn("spec.owner", [string.Empty])]), FilterParser.Parse(["spec.owner="]), PredicateComparer.Instance);
    }

    [Fact]
    public void Values_may_contain_equals_signs_after_the_first()
    {
        Assert.Equal(new AllOf([new ValueIn("metadata.annotations.x", ["a=b"])]), FilterParser.Parse(["metadata.annotations.x=a=b"]), PredicateComparer.Instance);
    }

    [Fact]
    public void Empty_parameters_and_statements_constrain_nothing()
    {
        Assert.Null(FilterParser.Parse([]));
        Assert.Null(FilterParser.Parse([" , ,"]));
    }

    [Fact]
    public void An_empty_key_is_an_input_error()
    {
        var error = Assert.Throws<InputError>(() => FilterParser.Parse(["=x"]));

        Assert.Contains("Invalid filter", error.Message, StringComparison.Ordinal);
    }
}
