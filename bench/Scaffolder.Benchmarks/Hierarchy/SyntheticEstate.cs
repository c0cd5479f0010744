using System.Globalization;
using System.Text.Json.Nodes;

namespace Scaffolder.Benchmarks.Hierarchy;

/// <summary>
/// A regular estate: each account holds E environments, each environment N networks, each network
/// P platforms, each platform A apps. Every level sets tags and config, so effective values merge
/// across all five levels; each account locks its CostCenter.
/// </summary>
public sealed record SyntheticEstate(int Accounts, int Environments, int Networks, int Platforms, int Apps)
{
    public int NodesPerAccount => 1 + Environments * (1 + Networks * (1 + Platforms * (1 + Apps)));

    public int AppsPerAccount => Environments * Networks * Platforms * Apps;

    public int TotalNodes => Accounts * NodesPerAccount;

    public int TotalApps => Accounts * AppsPerAccount;

    public static string AccountName(int a) => string.Create(CultureInfo.InvariantCulture, $"a{a}");

    public static string AppName(int a, int e, int n, int p, int x) => string.Create(CultureInfo.InvariantCulture, $"a{a}-e{e}-n{n}-p{p}-app{x}");

    public static string CostCenter(int a) => string.Create(CultureInfo.InvariantCulture, $"cc-{a}");

    /// <summary>One account and everything below it, as an import body.</summary>
    public JsonObject Account(int a)
    {
        var environments = new JsonArray();
        for (var e = 0; e < Environments; e++)
        {
            var networks = new JsonArray();
            for (var n = 0; n < Networks; n++)
            {
                var platforms = new JsonArray();
                for (var p = 0; p < Platforms; p++)
                {
                    var apps = new JsonArray();
                    for (var x = 0; x < Apps; x++)
                    {
                        apps.Add(new JsonObject
                        {
                            ["name"] = AppName(a, e, n, p, x),
                            ["config"] = new JsonObject { ["replicas"] = x + 1, ["image"] = $"registry/app{x}:1.0" },
                        });
                    }

                    platforms.Add(new JsonObject
                    {
                        ["name"] = $"a{a}-e{e}-n{n}-p{p}",
                        ["tags"] = new JsonObject { ["Platform"] = p % 2 == 0 ? "kubernetes" : "vm" },
                        ["config"] = new JsonObject { ["clusterVersion"] = "1.31" },
                        ["children"] = apps,
                    });
                }

                networks.Add(new JsonObject
                {
                    ["name"] = $"a{a}-e{e}-n{n}",
                    ["config"] = new JsonObject { ["cidr"] = $"10.{e}.{n}.0/24" },
                    ["children"] = platforms,
                });
            }

            environments.Add(new JsonObject
            {
                ["name"] = $"a{a}-e{e}",
                ["tags"] = new JsonObject { ["Environment"] = $"env-{e}" },
                ["config"] = new JsonObject { ["region"] = e % 2 == 0 ? "eu-west-1" : "us-east-1" },
                ["children"] = networks,
            });
        }

        return new JsonObject
        {
            ["nodes"] = new JsonArray(new JsonObject
            {
                ["name"] = AccountName(a),
                ["owner"] = $"group:default/team-{a}",
                ["tags"] = new JsonObject { ["CostCenter"] = CostCenter(a), ["Compliance"] = "soc2" },
                ["locked"] = new JsonObject { ["tags"] = new JsonArray("CostCenter") },
                ["config"] = new JsonObject { ["namePrefix"] = AccountName(a) },
                ["children"] = environments,
            }),
        };
    }
}
