namespace Scaffolder.Hierarchy.Auditing;

/// <summary>
/// Who is making the current change, as recorded in the audit log and in revisions. The host
/// supplies it from the request; until callers authenticate it is <see cref="Anonymous"/>.
/// </summary>
public interface ICurrentIdentity
{
    const string Anonymous = "anonymous";

    string Name { get; }
}

/// <summary>A fixed identity, for work the service does on its own behalf (e.g. loading the seed estate).</summary>
public sealed class FixedIdentity(string name) : ICurrentIdentity
{
    public static FixedIdentity Anonymous { get; } = new(ICurrentIdentity.Anonymous);

    public string Name { get; } = name;
}
