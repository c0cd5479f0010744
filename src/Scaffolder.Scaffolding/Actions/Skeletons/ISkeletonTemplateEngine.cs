using System.Text.Json.Nodes;

namespace Scaffolder.Scaffolding.Actions.Skeletons;

/// <summary>
/// The template language skeleton files and paths are written in. <c>fetch:template</c> walks, globs
/// and writes the skeleton itself; only turning text into text goes through this interface, so another
/// dialect is one more implementation.
/// </summary>
public interface ISkeletonTemplateEngine
{
    /// <summary>The dialect's name, for messages.</summary>
    string Name { get; }

    /// <summary>
    /// Whether <paramref name="text"/> may hold anything the dialect interprets (cheap check: text without
    /// it renders to itself, so it need not be parsed).
    /// </summary>
    bool MayContainExpressions(string text);

    /// <summary>Parses a template; a syntax error is a <see cref="SkeletonTemplateException"/> with its location.</summary>
    ISkeletonTemplate Compile(string text, string name);

    /// <summary>The <c>fetch:template</c> context (<c>{ values: … }</c>) prepared once for every file and path of a skeleton.</summary>
    ISkeletonContext Prepare(JsonObject context);
}

/// <summary>A context prepared by the engine that renders with it.</summary>
public interface ISkeletonContext;

/// <summary>A parsed template.</summary>
public interface ISkeletonTemplate
{
    /// <summary>Renders; a runtime error is a <see cref="SkeletonTemplateException"/> with its location.</summary>
    string Render(ISkeletonContext context, CancellationToken cancellationToken);
}

/// <summary>A skeleton template could not be parsed or rendered: in which file (or path), where, and why.</summary>
public sealed class SkeletonTemplateException(string template, int line, int column, string reason, Exception? innerException = null)
    : Exception($"{template} (line {line}, column {column}): {reason}", innerException)
{
    /// <summary>The template's name: the entry's path in the skeleton.</summary>
    public string Template { get; } = template;

    /// <summary>1-based.</summary>
    public int Line { get; } = line;

    /// <summary>1-based.</summary>
    public int Column { get; } = column;

    public string Reason { get; } = reason;
}
