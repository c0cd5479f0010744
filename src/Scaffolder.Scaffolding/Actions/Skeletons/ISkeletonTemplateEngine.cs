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

    /// <summary>Whether <paramref name="text"/> may hold an expression (cheap check that spares plain paths a parse).</summary>
    bool MayContainExpressions(string text);

    /// <summary>Parses a template; a syntax error is a <see cref="SkeletonTemplateException"/> carrying every message.</summary>
    ISkeletonTemplate Compile(string text, string name);
}

/// <summary>A parsed template, rendered against the <c>fetch:template</c> context (<c>{ values: … }</c>).</summary>
public interface ISkeletonTemplate
{
    /// <summary>Renders; a runtime error is a <see cref="SkeletonTemplateException"/> with its location.</summary>
    string Render(JsonObject context, CancellationToken cancellationToken);
}

/// <summary>A skeleton template could not be parsed or rendered; <see cref="Exception.Message"/> says where and why.</summary>
public sealed class SkeletonTemplateException(string message, Exception? innerException = null) : Exception(message, innerException);
