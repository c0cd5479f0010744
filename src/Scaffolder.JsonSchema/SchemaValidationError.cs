using System.Text.Json.Nodes;

namespace Scaffolder.JsonSchema;

/// <summary>
/// One violation, shaped like the <c>ValidationError</c> of the <c>jsonschema</c> npm library that
/// Backstage's scaffolder returns in <c>400 {"errors": [...]}</c>.
/// The JSON nodes are shared with the schema and the validated value: clone them before
/// attaching them elsewhere (<see cref="ValidationErrorJson"/> does).
/// </summary>
public sealed class SchemaValidationError
{
    private readonly Lazy<JsonNode?>? _lazyArgument;
    private readonly JsonNode? _argument;

    internal SchemaValidationError(
        IReadOnlyList<object> path,
        string property,
        string message,
        string name,
        JsonNode? schema,
        JsonNode? instance,
        bool hasInstance,
        JsonNode? argument,
        bool hasArgument,
        Lazy<JsonNode?>? lazyArgument = null)
    {
        Path = path;
        Property = property;
        Message = message;
        Name = name;
        Schema = schema;
        Instance = instance;
        HasInstance = hasInstance;
        _argument = argument;
        _lazyArgument = lazyArgument;
        HasArgument = hasArgument || lazyArgument is not null;
    }

    /// <summary>Where the failing value sits: property names (<see cref="string"/>) and array indexes (<see cref="int"/>).</summary>
    public IReadOnlyList<object> Path { get; }

    /// <summary>The path as the library prints it: <c>instance.foo.bar</c>, <c>instance.items[0]</c>, <c>instance["a b"]</c>.</summary>
    public string Property { get; }

    /// <summary>The library's message, e.g. <c>requires property "name"</c>.</summary>
    public string Message { get; }

    /// <summary>The keyword that failed, e.g. <c>required</c>, <c>type</c>, <c>pattern</c>.</summary>
    public string Name { get; }

    /// <summary>The keyword's argument (the missing property name, the allowed types, the limit, ...).</summary>
    public JsonNode? Argument => _lazyArgument is not null ? _lazyArgument.Value : _argument;

    /// <summary>False when the library leaves <c>argument</c> out (e.g. <c>uniqueItems</c>).</summary>
    public bool HasArgument { get; }

    /// <summary>The (sub)schema holding the keyword, or its <c>$id</c> when it has one.</summary>
    public JsonNode? Schema { get; }

    /// <summary>The failing value (JSON null is a null reference; see <see cref="HasInstance"/>).</summary>
    public JsonNode? Instance { get; }

    /// <summary>False when there is no value at all, e.g. a property that is missing.</summary>
    public bool HasInstance { get; }

    /// <summary><see cref="Property"/> and <see cref="Message"/> joined by a space.</summary>
    public string Stack => Property + " " + Message;

    public override string ToString() => Stack;
}
