using Scaffolder.Common.Errors;
using Scaffolder.Publishing;

namespace Scaffolder.Scaffolding.Actions.Publishing;

/// <summary>Runs a publisher, turning "this input can never work" into an <see cref="InputError"/> that names the action.</summary>
internal static class PublishErrors
{
    public static async Task<T> RunAsync<T>(string actionId, Func<Task<T>> publish)
    {
        try
        {
            return await publish();
        }
        catch (PublishingInputException e)
        {
            throw new InputError($"{actionId}: {e.Message}", e);
        }
        catch (PublishingException e)
        {
            throw new PublishingException($"{actionId}: {e.Message}", e);
        }
    }
}
