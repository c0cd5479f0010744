using Scaffolder.Scaffolding.Tasks;
using Scaffolder.Storage.Tasks;
using Xunit;

namespace Scaffolder.Scaffolding.Tests.Tasks;

public sealed class TaskJsonTests
{
    private static readonly DateTime At = new(2025, 5, 6, 7, 8, 9, 123, DateTimeKind.Utc);

    [Fact]
    public void Timestamps_are_written_as_javascripts_toISOString() =>
        Assert.Equal("2025-05-06T07:08:09.123Z", TaskJson.Timestamp(At));

    [Fact]
    public void Events_have_backstages_shape_and_key_order()
    {
        var json = TaskJson.Event(new TaskEventRecord(7, "t", "log", """{"message":"hi","stepId":"s"}""", At), isTaskRecoverable: false);

        Assert.Equal(
            """{"id":7,"isTaskRecoverable":false,"taskId":"t","body":{"message":"hi","stepId":"s"},"type":"log","createdAt":"2025-05-06T07:08:09.123Z"}""",
            json.ToJsonString());
    }

    [Fact]
    public void Tasks_have_backstages_shape_without_absent_fields()
    {
        var json = TaskJson.Task(new TaskRecord("t", """{"a":1}""", "open", null, At, null));

        Assert.Equal("""{"id":"t","spec":{"a":1},"status":"open","createdAt":"2025-05-06T07:08:09.123Z"}""", json.ToJsonString());
    }

    [Fact]
    public void History_of_a_task_that_started_over_begins_at_its_last_recovered_event()
    {
        var events = new[]
        {
            Event(1, "log", "{}"),
            Event(2, "recovered", """{"recoverStrategy":"startOver"}"""),
            Event(3, "log", "{}"),
        };

        Assert.Equal([2L, 3L], TaskJson.TrimToLastRecovery(events).Select(e => e.Id));
        Assert.Empty(TaskJson.TrimToLastRecovery(events[..2]));
        Assert.Equal(3, TaskJson.TrimToLastRecovery([Event(1, "log", "{}"), Event(2, "recovered", """{"recoverStrategy":"none"}"""), Event(3, "log", "{}")]).Count);
    }

    private static TaskEventRecord Event(long id, string type, string body) => new(id, "t", type, body, At);
}
