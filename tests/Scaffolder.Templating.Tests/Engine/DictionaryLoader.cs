namespace Scaffolder.Templating.Tests.Engine;

/// <summary>Templates for <c>include</c> from memory, counting loads.</summary>
internal sealed class DictionaryLoader(IReadOnlyDictionary<string, string> templates) : ITemplateLoader
{
    private int _loads;

    public int Loads => _loads;

    public string? GetPath(string templateName, string callerTemplateName) =>
        templates.ContainsKey(templateName) ? templateName : null;

    public string? Load(string templatePath)
    {
        Interlocked.Increment(ref _loads);
        return templates.GetValueOrDefault(templatePath);
    }
}
