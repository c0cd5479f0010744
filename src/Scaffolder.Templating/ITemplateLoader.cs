namespace Scaffolder.Templating;

/// <summary>
/// Supplies templates to <c>include</c>. The engine never touches files or the network itself; a host
/// that allows includes decides what a name means and where its text comes from.
/// </summary>
public interface ITemplateLoader
{
    /// <summary>The key (path) of <paramref name="templateName"/>, or null when it does not exist.</summary>
    string? GetPath(string templateName, string callerTemplateName);

    /// <summary>The text of the template at <paramref name="templatePath"/>, or null when it cannot be loaded.</summary>
    string? Load(string templatePath);
}
