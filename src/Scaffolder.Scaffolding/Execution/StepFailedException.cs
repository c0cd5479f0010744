namespace Scaffolder.Scaffolding.Execution;

/// <summary>A step cannot run (bad input, an expression that fails, an unknown action): the step fails with this error.</summary>
internal sealed class StepFailedException(string name, string message) : Exception(message)
{
    public string Name { get; } = name;
}
