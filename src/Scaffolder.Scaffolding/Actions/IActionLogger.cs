namespace Scaffolder.Scaffolding.Actions;

/// <summary>
/// Where an action reports progress. Every line becomes a task <c>log</c> event for the step;
/// secrets of the task are redacted before anything is stored or shown.
/// </summary>
public interface IActionLogger
{
    void Info(string message);

    void Warn(string message);

    void Error(string message);
}
