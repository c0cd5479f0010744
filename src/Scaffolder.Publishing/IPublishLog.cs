namespace Scaffolder.Publishing;

/// <summary>Where a publisher reports progress and skipped extras (the task's event log). Messages arrive redacted.</summary>
public interface IPublishLog
{
    void Info(string message);

    void Warn(string message);
}

internal sealed class NullPublishLog : IPublishLog
{
    public static readonly NullPublishLog Instance = new();

    public void Info(string message)
    {
    }

    public void Warn(string message)
    {
    }
}
