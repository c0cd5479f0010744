using Scaffolder.Publishing;

namespace Scaffolder.Scaffolding.Actions.Publishing;

/// <summary>Publishers report into the step's log.</summary>
internal sealed class ActionPublishLog(IActionLogger logger) : IPublishLog
{
    public void Info(string message) => logger.Info(message);

    public void Warn(string message) => logger.Warn(message);
}
