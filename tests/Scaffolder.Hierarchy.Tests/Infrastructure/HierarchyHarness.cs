using System.Text.Json.Nodes;
using Scaffolder.Catalog.Processing;
using Scaffolder.Hierarchy.Auditing;
using Scaffolder.Hierarchy.Model;
using Scaffolder.Hierarchy.Service;
using Scaffolder.Storage;
using Scaffolder.Storage.Catalog;
using Scaffolder.Storage.Hierarchy;
using Scaffolder.Testing;

namespace Scaffolder.Hierarchy.Tests.Infrastructure;

/// <summary>The hierarchy's services on a fresh migrated database of one provider, with a settable caller identity.</summary>
public sealed class HierarchyHarness : IAsyncDisposable
{
    /// <summary>
    /// acme (account, locks CostCenter) → prod (environment) → prod-net (network) → prod-k8s (platform) → shop, api (apps);
    /// acme → dev (environment) → dev-net (network).
    /// </summary>
    public const string StandardEstate = """
        {"nodes":[{"name":"acme","owner":"team-a","title":"ACME","tags":{"CostCenter":"1042","Tier":"gold"},"config":{"region":"eu-west-1"},
          "locked":{"tags":["CostCenter"]},
          "children":[
            {"name":"prod","tags":{"Env":"prod"},"children":[
              {"name":"prod-net","config":{"cidr":"10.0.0.0/16"},"children":[
                {"name":"prod-k8s","owner":"team-k8s","tags":{"Platform":"kubernetes"},"children":[
                  {"name":"shop","config":{"replicas":3}},
                  {"name":"api","owner":"user:alice","tags":{"Tier":"silver"}}]}]}]},
            {"name":"dev","tags":{"Env":"dev"},"config":{"region":"us-east-1"},"children":[{"name":"dev-net"}]}]}]}
        """;

    private HierarchyHarness(Database database)
    {
        Database = database;
        Store = new HierarchyStore(database);
        Catalog = new CatalogStore(database);
        Service = new HierarchyService(Store, new NodeProjector(new EntityProviderWriter(EntityProcessor.Default)), Identity, TimeProvider.System);
        Reader = new HierarchyReader(Store);
    }

    public Database Database { get; }

    public HierarchyStore Store { get; }

    public CatalogStore Catalog { get; }

    public HierarchyService Service { get; }

    public HierarchyReader Reader { get; }

    public SettableIdentity Identity { get; } = new();

    public static async Task<HierarchyHarness> CreateAsync(DatabaseProvider provider) => new(await TestDatabases.CreateAsync(provider));

    public static NodeKey Key(string name) => new(NodeKey.DefaultNamespace, name);

    public Task<ImportResultView> ImportStandardEstateAsync() => Service.ImportAsync(NodeDocuments.ParseEstate(JsonNode.Parse(StandardEstate)));

    public Task<NodeView> CreateAsync(string json) => Service.CreateAsync(NodeDocuments.ParseDraft(JsonNode.Parse(json)));

    public Task<NodeView> UpdateAsync(string name, string patchJson, long? expectedRevision = null) =>
        Service.UpdateAsync(Key(name), NodeDocuments.ParsePatch(JsonNode.Parse(patchJson)!.AsObject()), expectedRevision);

    public Task<NodeView> GetAsync(string name) => Reader.GetAsync(Key(name));

    /// <summary>The catalog entity of a node, as clients of the catalog read it; null when absent.</summary>
    public async Task<JsonObject?> EntityAsync(string entityRef) =>
        await Catalog.GetByRefAsync(entityRef) is { } record ? JsonNode.Parse(record.FinalJson)!.AsObject() : null;

    /// <summary>Row counts of the hierarchy's tables and of catalog entities, to show a failed change left nothing behind.</summary>
    public async Task<(long Nodes, long Revisions, long Audit, long Entities)> CountsAsync()
    {
        await using var connection = await Database.OpenConnectionAsync();
        async Task<long> Count(string table)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return (await Count("hierarchy_nodes"), await Count("hierarchy_revisions"), await Count("hierarchy_audit"), await Count("entities"));
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    public sealed class SettableIdentity : ICurrentIdentity
    {
        public string Name { get; set; } = ICurrentIdentity.Anonymous;
    }
}
