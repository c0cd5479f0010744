namespace Scaffolder.Scaffolding.Actions;

/// <summary>Which template a task runs, and where it lives (relative <c>url</c> inputs resolve against <see cref="BaseUrl"/>).</summary>
public sealed record TemplateInfo(string EntityRef, string? BaseUrl);
