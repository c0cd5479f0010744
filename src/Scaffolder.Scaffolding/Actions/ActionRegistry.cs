using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CompiledSchema = Scaffolder.JsonSchema.JsonSchema;

namespace Scaffolder.Scaffolding.Actions;

/// <summary>The installed actions by id, with their input schemas compiled once.</summary>
public sealed class ActionRegistry
{
    private readonly Dictionary<string, IScaffolderAction> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CompiledSchema> _inputSchemas = new(StringComparer.Ordinal);

    public ActionRegistry(IEnumerable<IScaffolderAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var action in actions)
        {
            if (!_byId.TryAdd(action.Id, action))
            {
                throw new InvalidOperationException($"Two scaffolder actions share the id '{action.Id}' ({_byId[action.Id].GetType().Name} and {action.GetType().Name}).");
            }
        }

        All = _byId.Values.OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every action, sorted by id.</summary>
    public IReadOnlyList<IScaffolderAction> All { get; }

    public IScaffolderAction? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Backstage's message for a step naming an action that is not installed.</summary>
    public static string NotRegisteredMessage(string id) => $"Template action with ID '{id}' is not registered.";

    /// <summary>The action's compiled input schema.</summary>
    /// <exception cref="InvalidOperationException">The action ships a schema that cannot be compiled.</exception>
    public CompiledSchema InputSchemaOf(IScaffolderAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return _inputSchemas.GetOrAdd(action.Id, _ =>
            CompiledSchema.TryCompile(action.InputSchema ?? new JsonObject(), out var compiled, out var problems)
                ? compiled
                : throw new InvalidOperationException($"Action {action.Id} has an invalid input schema: {string.Join("; ", problems)}"));
    }
}
