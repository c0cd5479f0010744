using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Xunit;

namespace Scaffolder.Api.Tests.Hierarchy;

/// <summary>Calls to /api/hierarchy with the small estate most tests start from.</summary>
public sealed class HierarchyClient(HttpClient client)
{
    /// <summary>acme → prod → prod-net → prod-k8s → shop, api; acme → dev → dev-net. acme locks CostCenter.</summary>
    public const string Estate = """
        nodes:
          - name: acme
            owner: team-a
            tags: { CostCenter: "1042", Tier: gold }
            locked: { tags: [CostCenter] }
            config: { region: eu-west-1 }
            children:
              - name: prod
                tags: { Env: prod }
                children:
                  - name: prod-net
                    children:
                      - name: prod-k8s
                        tags: { Platform: kubernetes }
                        children:
                          - name: shop
                            config: { replicas: 3 }
                          - name: api
                            owner: user:alice
              - name: dev
                config: { region: us-east-1 }
                children:
                  - name: dev-net
        """;

    public HttpClient Http => client;

    public async Task ImportEstateAsync()
    {
        var response = await ImportYamlAsync(Estate);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public Task<HttpResponseMessage> ImportYamlAsync(string yaml) =>
        client.PostAsync("/api/hierarchy/import", new StringContent(yaml, Encoding.UTF8, new MediaTypeHeaderValue("application/yaml")));

    public Task<HttpResponseMessage> GetAsync(string path) => client.GetAsync($"/api/hierarchy{path}");

    public Task<HttpResponseMessage> PostAsync(string path, string? json = null, string? ifMatch = null) => SendAsync(HttpMethod.Post, path, json, ifMatch);

    public Task<HttpResponseMessage> PatchAsync(string path, string json, string? ifMatch = null) => SendAsync(HttpMethod.Patch, path, json, ifMatch);

    public Task<HttpResponseMessage> DeleteAsync(string path, string? ifMatch = null) => SendAsync(HttpMethod.Delete, path, null, ifMatch);

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task AssertErrorAsync(HttpResponseMessage response, int status, string name, string messageStart, string url)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        Assert.Equal(name, json["error"]!["name"]!.GetValue<string>());
        Assert.StartsWith(messageStart, json["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(url, json["request"]!["url"]!.GetValue<string>());
        Assert.Equal(status, json["response"]!["statusCode"]!.GetValue<int>());
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, $"/api/hierarchy{path}");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }
}
