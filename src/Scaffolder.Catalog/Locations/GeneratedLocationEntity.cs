using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Scaffolder.Catalog.Model;

namespace Scaffolder.Catalog.Locations;

/// <summary>
/// The <c>Location</c> entity the catalog creates for each registered location, named
/// <c>generated-&lt;sha1 of "type:target"&gt;</c> as Backstage names it.
/// </summary>
public static class GeneratedLocationEntity
{
    public static string NameFor(LocationSpec location) =>
        "generated-" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(location.ToString())));

    public static EntityRef RefFor(LocationSpec location) => new("location", EntityRef.DefaultNamespace, NameFor(location));

    public static JsonObject Create(LocationSpec location) => new()
    {
        ["apiVersion"] = "backstage.io/v1alpha1",
        ["kind"] = "Location",
        ["metadata"] = new JsonObject
        {
            ["name"] = NameFor(location),
            ["namespace"] = EntityRef.DefaultNamespace,
        },
        ["spec"] = new JsonObject
        {
            ["type"] = location.Type,
            ["target"] = location.Target,
        },
    };
}
