using Scaffolder.Common.Errors;
using Scaffolder.Hierarchy.Tests.Infrastructure;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Hierarchy.Tests.Service;

/// <summary>Every change is audited with who, what, when, before and after; concurrent edits never lose an update.</summary>
public abstract class AuditAndConcurrencyTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Every_change_is_audited_with_the_callers_identity_and_the_node_before_and_after()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        h.Identity.Name = "user:default/alice";
        await h.UpdateAsync("prod-net", """{"config":{"cidr":"10.1.0.0/16"}}""");
        await h.Service.MoveAsync(HierarchyHarness.Key("prod-net"), "dev", null);
        await h.Service.PlanAsync(HierarchyHarness.Key("prod-net"), null);

        var page = await h.Reader.AuditAsync(HierarchyHarness.Key("prod-net"), null, null, null, null, null);

        Assert.Equal(["plan", "move", "update", "create"], page.Items.Select(e => e.Action));
        Assert.Equal(["user:default/alice", "user:default/alice", "user:default/alice", "anonymous"], page.Items.Select(e => e.Actor));
        Assert.Equal([4L, 3L, 2L, 1L], page.Items.Select(e => e.Revision));
        var update = page.Items[2];
        Assert.Equal("10.0.0.0/16", update.Before!["config"]!["cidr"]!.GetValue<string>());
        Assert.Equal("10.1.0.0/16", update.After!["config"]!["cidr"]!.GetValue<string>());
        var move = page.Items[1];
        Assert.Equal(("prod", "dev"), (move.Before!["parent"]!.GetValue<string>(), move.After!["parent"]!.GetValue<string>()));
        Assert.Equal(("created", "planned"), (page.Items[0].Before!["state"]!.GetValue<string>(), page.Items[0].After!["state"]!.GetValue<string>()));
        Assert.Null(page.Items[3].Before);
        Assert.True(page.Items.All(e => e.At > DateTime.UtcNow.AddMinutes(-5) && e.At.Kind == DateTimeKind.Utc));
    }

    [Fact]
    public async Task The_tree_audit_pages_newest_first_and_filters_by_action_and_actor()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        h.Identity.Name = "user:default/bob";
        await h.UpdateAsync("shop", """{"title":"Shop"}""");

        var first = await h.Reader.AuditAsync(null, null, null, null, 5, null);
        var second = await h.Reader.AuditAsync(null, null, null, null, 5, first.NextCursor);
        var bobs = await h.Reader.AuditAsync(null, null, "update", "user:default/bob", null, null);

        Assert.Equal(5, first.Items.Count);
        Assert.Equal("update", first.Items[0].Action);
        Assert.Equal(4, second.Items.Count);
        Assert.Null(second.NextCursor);
        Assert.Empty(first.Items.Select(e => e.Id).Intersect(second.Items.Select(e => e.Id)));
        Assert.Equal(["shop"], bobs.Items.Select(e => e.Name));
        await Assert.ThrowsAsync<InputError>(() => h.Reader.AuditAsync(null, null, null, null, 0, null));
        await Assert.ThrowsAsync<InputError>(() => h.Reader.AuditAsync(null, null, null, null, null, "abc"));
    }

    [Fact]
    public async Task A_write_against_a_stale_revision_is_a_conflict_and_changes_nothing()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        await h.UpdateAsync("prod", """{"title":"first"}""", expectedRevision: 1);
        var before = await h.CountsAsync();

        var error = await Assert.ThrowsAsync<ConflictError>(() => h.UpdateAsync("prod", """{"title":"second"}""", expectedRevision: 1));
        await Assert.ThrowsAsync<ConflictError>(() => h.Service.PlanAsync(HierarchyHarness.Key("prod"), 1));
        await Assert.ThrowsAsync<ConflictError>(() => h.Service.MoveAsync(HierarchyHarness.Key("prod-net"), "dev", 7));

        Assert.Equal(
            "environment 'prod' is at revision 2, not 1: it changed since it was read; read it again and reapply the change", error.Message);
        Assert.Equal("first", (await h.GetAsync("prod")).Title);
        Assert.Equal(before, await h.CountsAsync());
    }

    [Fact]
    public async Task Of_concurrent_writes_against_the_same_revision_exactly_one_wins()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();
        const int writers = 8;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, writers).Select(async i =>
        {
            try
            {
                await Task.Yield();
                await h.UpdateAsync("prod-k8s", $$$"""{"tags":{"Writer":"w{{{i}}}"}}""", expectedRevision: 1);
                return $"w{i}";
            }
            catch (ConflictError)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes.OfType<string>());
        var node = await h.GetAsync("prod-k8s");
        Assert.Equal((2L, winner), (node.Revision, node.Tags["Writer"]));
        Assert.Equal(2, (await h.Reader.RevisionsAsync(HierarchyHarness.Key("prod-k8s"))).Items.Count);
        Assert.Equal(winner, (await h.EntityAsync("resource:default/prod-k8s"))!["metadata"]!["labels"]!["Writer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_writes_without_a_revision_are_all_applied_one_after_another()
    {
        await using var h = await HierarchyHarness.CreateAsync(provider);
        await h.ImportStandardEstateAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => h.UpdateAsync("shop", $$$"""{"config":{"k{{{i}}}":{{{i}}}}}""")));

        var shop = await h.GetAsync("shop");
        Assert.Equal(7, shop.Revision);
        Assert.Equal(7, shop.Config.Count);
    }
}

public sealed class SqliteAuditAndConcurrencyTests() : AuditAndConcurrencyTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditAndConcurrencyTests() : AuditAndConcurrencyTests(DatabaseProvider.Postgres);
