namespace Scaffolder.Scaffolding.Tasks;

/// <summary>Backstage's task statuses (<c>skipped</c> and <c>open</c> also describe steps).</summary>
public static class TaskStatuses
{
    public const string Open = "open";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Skipped = "skipped";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Open, Processing, Completed, Failed, Cancelled, Skipped };
}

/// <summary>Backstage's task event types.</summary>
public static class TaskEventTypes
{
    public const string Log = "log";
    public const string Completion = "completion";
    public const string Cancelled = "cancelled";
    public const string Recovered = "recovered";
}
