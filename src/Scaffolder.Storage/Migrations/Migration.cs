namespace Scaffolder.Storage.Migrations;

/// <summary>One versioned schema change, loaded from an embedded <c>NNNN_name.sql</c> script.</summary>
public sealed record Migration(int Version, string Name, string Sql);
