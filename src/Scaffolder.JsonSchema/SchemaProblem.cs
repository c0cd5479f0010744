namespace Scaffolder.JsonSchema;

/// <summary>
/// Something that makes a schema unusable, found before any value is validated: a keyword with a
/// value of the wrong kind, an invalid regular expression, a <c>$ref</c> that leads nowhere or loops.
/// </summary>
/// <param name="Location">A JSON pointer fragment into the schema, e.g. <c>#/properties/name/pattern</c>.</param>
/// <param name="Message">What is wrong, for the schema's author.</param>
public sealed record SchemaProblem(string Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
