using Scaffolder.Storage;
using Scaffolder.Storage.Catalog;
using Scaffolder.Testing;
using Xunit;

namespace Scaffolder.Storage.Tests.Catalog;

/// <summary>The catalog's SQL on each provider: writes, stitched reads, every predicate form, ordering, paging and facets.</summary>
public abstract class CatalogStoreTests(DatabaseProvider provider) : IAsyncLifetime
{
    private Database _database = null!;
    private CatalogStore _store = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabases.CreateAsync(provider);
        _store = new CatalogStore(_database);
        await _store.WriteAsync(async session =>
        {
            var ids = await session.UpsertProcessedAsync(
            [
                Record("component:default/b", [new StoredRelation("component:default/b", "ownedBy", "group:default/t"), new StoredRelation("group:default/t", "ownerOf", "component:default/b")]),
                Record("component:default/a", []),
                Record("api:default/c", []),
            ]);
            await session.WriteStitchedAsync(
            [
                Stitched(ids["component:default/b"], "b", [("kind", "Component"), ("metadata.name", "b"), ("spec.type", "service"), ("metadata.tags", "java"), ("metadata.tags", "go"), ("relations.ownedby", "group:default/t")]),
                Stitched(ids["component:default/a"], "a", [("kind", "Component"), ("metadata.name", "a"), ("spec.type", "website"), ("metadata.title", "Zed")]),
                Stitched(ids["api:default/c"], "c", [("kind", "API"), ("metadata.name", "c"), ("spec.type", "openapi"), ("metadata.title", "Alpha")]),
            ]);
            return true;
        });
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Reads_stitched_entities_by_ref_and_by_refs()
    {
        Assert.Equal("{\"n\":\"a\"}", (await _store.GetByRefAsync("component:default/a"))!.FinalJson);
        Assert.Null(await _store.GetByRefAsync("component:default/zz"));
        var found = await _store.GetByRefsAsync(["component:default/a", "api:default/c", "x:y/z"], new ValueIn("kind", ["api"]));
        Assert.Equal(["api:default/c"], found.Keys);
    }

    [Fact]
    public async Task Every_predicate_form_selects_the_right_entities()
    {
        Assert.Equal(["a", "b"], await NamesAsync(new ValueIn("kind", ["component"])));
        Assert.Equal(["a", "b", "c"], await NamesAsync(new AnyOf([new ValueIn("kind", ["component"]), new HasKey("metadata.title")])));
        Assert.Equal(["a"], await NamesAsync(new AllOf([new ValueIn("kind", ["component"]), new HasKey("metadata.title")])));
        Assert.Equal(["b", "c"], await NamesAsync(new Not(new ValueIn("spec.type", ["website"]))));
        Assert.Equal(["b"], await NamesAsync(new ValueIn("metadata.tags", ["go", "rust"])));
        Assert.Equal(["a", "b"], await NamesAsync(new ValueStartsWith("kind", "comp")));
        Assert.Equal(["c"], await NamesAsync(new ValueContains(["spec.type"], "pena")));
        Assert.Equal(["c"], await NamesAsync(new ValueContains([], "alph")));
        Assert.Empty(await NamesAsync(new AnyOf([])));
        Assert.Empty(await NamesAsync(new ValueIn("kind", [])));
    }

    [Fact]
    public async Task Like_wildcards_in_terms_are_matched_literally()
    {
        Assert.Empty(await NamesAsync(new ValueContains([], "%")));
        Assert.Empty(await NamesAsync(new ValueStartsWith("kind", "_")));
    }

    [Fact]
    public async Task Orders_by_a_key_with_missing_values_last_or_excluded()
    {
        var general = await _store.QueryAsync(new EntityQuery { Order = [new SortKey("metadata.title", false)] });
        var excluded = await _store.QueryAsync(new EntityQuery { Order = [new SortKey("metadata.title", true)], ExcludeMissingSortValues = true });
        var byRef = await _store.QueryAsync(new EntityQuery());

        Assert.Equal(["c", "a", "b"], general.Select(Name));
        Assert.Equal(["a", "c"], excluded.Select(Name));
        Assert.Equal(["c", "a", "b"], byRef.Select(Name));
    }

    [Fact]
    public async Task Keyset_positions_continue_after_and_before_a_row()
    {
        var all = await _store.QueryAsync(new EntityQuery { Order = [new SortKey("metadata.name", false)], ExcludeMissingSortValues = true });
        var after = await _store.QueryAsync(new EntityQuery { Order = [new SortKey("metadata.name", false)], ExcludeMissingSortValues = true, After = new SortPosition(all[0].SortValue, all[0].Id) });
        var before = await _store.QueryAsync(new EntityQuery { Order = [new SortKey("metadata.name", false)], ExcludeMissingSortValues = true, Before = new SortPosition(all[2].SortValue, all[2].Id), Limit = 1 });

        Assert.Equal(["a", "b", "c"], all.Select(Name));
        Assert.Equal(["b", "c"], after.Select(Name));
        Assert.Equal(["b"], before.Select(Name));
    }

    [Fact]
    public async Task A_multi_valued_sort_key_lists_each_entity_once_by_its_smallest_value()
    {
        var rows = await _store.QueryAsync(new EntityQuery { Order = [new SortKey("metadata.tags", false)], ExcludeMissingSortValues = true });

        Assert.Equal(["b"], rows.Select(Name));
        Assert.Equal("go", rows[0].SortValue);
    }

    [Fact]
    public async Task Limit_and_offset_page()
    {
        var page = await _store.QueryAsync(new EntityQuery { Order = [new SortKey("metadata.name", false)], Offset = 1, Limit = 1 });
        var rest = await _store.QueryAsync(new EntityQuery { Order = [new SortKey("metadata.name", false)], Offset = 1 });

        Assert.Equal(["b"], page.Select(Name));
        Assert.Equal(["b", "c"], rest.Select(Name));
    }

    [Fact]
    public async Task Counts_and_facets_honour_the_filter()
    {
        Assert.Equal(3, await _store.CountAsync(EntityPredicate.Everything));
        Assert.Equal(2, await _store.CountAsync(EntityPredicate.Everything, "metadata.title"));
        var facets = await _store.FacetsAsync(["kind", "metadata.tags"], new ValueIn("kind", ["component"]));

        Assert.Equal([("Component", 2L)], facets["kind"]);
        Assert.Equal([("go", 1L), ("java", 1L)], facets["metadata.tags"].OrderBy(f => f.Value));
    }

    [Fact]
    public async Task Cached_counts_and_facets_follow_the_generation()
    {
        Assert.Equal(2, await _store.CountAsync(new ValueIn("kind", ["component"])));
        var before = await _store.GetGenerationAsync();
        var a = (await _store.GetByRefAsync("component:default/a"))!;

        await _store.WriteAsync(async session =>
        {
            await session.DeleteAsync([a.Id]);
            await session.BumpGenerationAsync();
            return true;
        });

        Assert.Equal(before + 1, await _store.GetGenerationAsync());
        Assert.Equal(1, await _store.CountAsync(new ValueIn("kind", ["component"])));
        Assert.Equal([("Component", 1L)], (await _store.FacetsAsync(["kind"], new ValueIn("kind", ["component"])))["kind"]);
    }

    [Fact]
    public async Task Deleting_an_entity_removes_its_search_rows_and_emitted_relations()
    {
        var b = (await _store.GetByRefAsync("component:default/b"))!;
        await _store.WriteAsync(async session =>
        {
            Assert.Equal(["component:default/b", "group:default/t"], (await session.RelationSourcesEmittedByAsync([b.Id])).Order());
            await session.DeleteAsync([b.Id]);
            Assert.Empty(await session.RelationSourcesEmittedByAsync([b.Id]));
            return true;
        });

        Assert.Equal(["a", "c"], await NamesAsync(EntityPredicate.Everything));
        Assert.Empty(await NamesAsync(new HasKey("metadata.tags")));
    }

    [Fact]
    public async Task A_failed_unit_of_work_leaves_nothing_behind()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _store.WriteAsync<bool>(async session =>
        {
            await session.UpsertProcessedAsync([Record("component:default/half", [])]);
            throw new InvalidOperationException("boom");
        }));

        Assert.Null(await _store.GetByRefAsync("component:default/half"));
    }

    [Fact]
    public async Task Stitch_inputs_carry_relations_emitted_by_any_entity()
    {
        var inputs = await _store.WriteAsync(session => session.LoadForStitchAsync(["group:default/t", "component:default/b", "component:default/nope"]));

        var b = Assert.Single(inputs);
        Assert.Equal("component:default/b", b.EntityRef);
        Assert.Equal([new StoredRelation("component:default/b", "ownedBy", "group:default/t")], b.Relations);
    }

    [Fact]
    public async Task Locations_round_trip_with_timestamps()
    {
        var created = new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        await _store.WriteAsync(async session =>
        {
            await session.InsertLocationAsync(new LocationRecord("l1", "file", "/x.yaml", created));
            return true;
        });

        var location = await _store.GetLocationAsync("l1");
        Assert.Equal(new LocationRecord("l1", "file", "/x.yaml", created), location);
        Assert.Single(await _store.LocationsDueAsync(DateTime.UtcNow));
        await _store.WriteAsync(async session =>
        {
            await session.MarkLocationProcessedAsync("l1");
            return true;
        });
        Assert.Empty(await _store.LocationsDueAsync(DateTime.UtcNow.AddMinutes(-1)));
    }

    private static string Name(EntityQueryRow row) => row.FinalJson[6..^2];

    private async Task<List<string>> NamesAsync(EntityPredicate filter) =>
        (await _store.QueryAsync(new EntityQuery { Filter = filter, Order = [new SortKey("metadata.name", false)] })).Select(Name).ToList();

    private static ProcessedEntityRecord Record(string entityRef, IReadOnlyList<StoredRelation> relations) =>
        new(entityRef, Guid.NewGuid().ToString(), "{}", null, "test", null, null, null, relations);

    private static StitchedEntityRecord Stitched(long id, string name, (string Key, string Value)[] rows) =>
        new(id, $"{{\"n\":\"{name}\"}}", name, rows.Select(r => new SearchRow(r.Key, r.Value, r.Value.ToLowerInvariant())).ToList());
}

public sealed class SqliteCatalogStoreTests() : CatalogStoreTests(DatabaseProvider.Sqlite);

public sealed class PostgresCatalogStoreTests() : CatalogStoreTests(DatabaseProvider.Postgres);
