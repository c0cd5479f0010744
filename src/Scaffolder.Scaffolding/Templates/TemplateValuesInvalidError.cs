using System.Text.Json.Nodes;
using Scaffolder.Common.Errors;

namespace Scaffolder.Scaffolding.Templates;

/// <summary>
/// Values or secrets fail the template's schemas. Answered as Backstage does, with a bare
/// <c>400 {"errors": [ValidationError...]}</c> body (<see cref="Body"/>) instead of the error envelope.
/// </summary>
public sealed class TemplateValuesInvalidError(JsonObject body, string message) : ServiceError(message)
{
    public JsonObject Body { get; } = body;

    public override string Name => "InputError";
}
