using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Scaffolder.Api.Tests.Infrastructure;
using Scaffolder.Api.Tests.Scaffolder.Support;
using Scaffolder.Scaffolding.Workers;
using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Scaffolder;

/// <summary>Task events over server-sent events and long polling, in Backstage's shapes.</summary>
public abstract class TaskEventsApiTests(DatabaseProvider provider)
{
    [Fact]
    public async Task The_event_stream_replays_every_event_in_backstages_sse_format_and_ends_after_completion()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All);
        var id = await host.CreateTaskAsync("basic", new JsonObject { ["name"] = "orders" });
        await host.WaitForStatusAsync(id);

        var response = await host.Client.GetAsync($"/api/scaffolder/v2/tasks/{id}/eventstream");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl!.ToString());
        Assert.EndsWith("\n\n", text, StringComparison.Ordinal);
        var blocks = text[..^2].Split("\n\n");
        var expected = await host.EventsAsync(id);
        Assert.Equal(expected.Count, blocks.Length);
        for (var i = 0; i < blocks.Length; i++)
        {
            var lines = blocks[i].Split('\n');
            Assert.Equal(2, lines.Length);
            Assert.Equal($"event: {expected[i]!["type"]}", lines[0]);
            Assert.StartsWith("data: ", lines[1], StringComparison.Ordinal);
            Assert.True(JsonNode.DeepEquals(expected[i], JsonNode.Parse(lines[1]["data: ".Length..])), lines[1]);
        }

        Assert.StartsWith("event: completion\n", blocks[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_event_stream_shows_live_events_until_the_task_completes()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All);
        var id = await host.CreateTaskAsync("slow");

        using var response = await host.Client.GetAsync($"/api/scaffolder/v2/tasks/{id}/eventstream", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var seen = new StringBuilder();
        var cancelSent = false;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (!cancelSent && line.Contains("\"message\":\"waiting\"", StringComparison.Ordinal))
            {
                cancelSent = true;
                await host.Client.PostAsync($"/api/scaffolder/v2/tasks/{id}/cancel", null);
            }
        }

        var text = seen.ToString();
        Assert.True(cancelSent, text);
        Assert.Contains("event: cancelled", text, StringComparison.Ordinal);
        Assert.EndsWith("event: completion", text.TrimEnd().Split('\n')[^2].Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_stream_with_after_starts_after_that_event()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All);
        var id = await host.CreateTaskAsync("basic", new JsonObject { ["name"] = "orders" });
        await host.WaitForStatusAsync(id);
        var events = await host.EventsAsync(id);

        var text = await host.Client.GetStringAsync($"/api/scaffolder/v2/tasks/{id}/eventstream?after={events[^3]!["id"]}");

        Assert.Equal(2, text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Long_poll_after_an_id_answers_the_later_events_and_always_the_completion()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All);
        var id = await host.CreateTaskAsync("basic", new JsonObject { ["name"] = "orders" });
        await host.WaitForStatusAsync(id);
        var all = await host.EventsAsync(id);
        var completionId = all[^1]!["id"]!.GetValue<long>();

        var afterFirst = await host.EventsAsync(id, all[0]!["id"]!.GetValue<long>());
        var afterCompletion = await host.EventsAsync(id, completionId);
        var afterZero = await host.EventsAsync(id, 0);

        Assert.Equal(all.Count - 1, afterFirst.Count);
        Assert.Equal([completionId], afterCompletion.Select(e => e!["id"]!.GetValue<long>()));
        Assert.Equal(all.Count, afterZero.Count);
    }

    [Fact]
    public async Task Long_poll_waits_for_the_first_event_instead_of_answering_empty()
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All, settings => settings["Scaffolder:Workers"] = "0");
        var id = await host.CreateTaskAsync("basic", new JsonObject { ["name"] = "orders" });

        var clock = Stopwatch.StartNew();
        var poll = host.Client.GetAsync($"/api/scaffolder/v2/tasks/{id}/events");
        await Task.Delay(500);
        Assert.False(poll.IsCompleted);
        await host.Service<TaskWorkerPool>().RunOneAsync("test-worker", CancellationToken.None);
        var response = await poll;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.ReadJsonAsync()).AsArray());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"The poll took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("events?after=abc")]
    [InlineData("events?after=-1")]
    [InlineData("eventstream?after=x")]
    public async Task A_bad_after_is_an_input_error(string path)
    {
        await using var host = await ScaffolderTestHost.StartAsync(provider, Templates.All, settings => settings["Scaffolder:Workers"] = "0");
        var id = await host.CreateTaskAsync("basic", new JsonObject { ["name"] = "orders" });

        var response = await host.Client.GetAsync($"/api/scaffolder/v2/tasks/{id}/{path}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InputError", (await response.ReadJsonAsync())["error"]!["name"]!.GetValue<string>());
    }
}

public sealed class SqliteTaskEventsApiTests() : TaskEventsApiTests(DatabaseProvider.Sqlite);

public sealed class PostgresTaskEventsApiTests() : TaskEventsApiTests(DatabaseProvider.Postgres);
