using Scaffolder.Common.Errors;

namespace Scaffolder.Scaffolding.Actions.Inputs;

/// <summary>Workspace paths taken from step inputs: confined to the workspace, with errors naming the input.</summary>
public static class InputPaths
{
    /// <summary>The full path of <paramref name="relativePath"/> (the value of input <paramref name="name"/>) inside the workspace.</summary>
    public static string Resolve(ActionContext context, StepInput input, string name, string relativePath)
    {
        try
        {
            return context.ResolveInWorkspace(relativePath);
        }
        catch (InputError e)
        {
            throw new InputError($"{input.ActionId}: input '{name}' is not usable: {e.Message}", e);
        }
    }

    /// <summary>The path relative to the workspace with forward slashes, as shown in logs.</summary>
    public static string Display(ActionContext context, string fullPath)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(context.WorkspacePath), fullPath).Replace('\\', '/');
        return relative == "." ? "./" : relative;
    }
}
