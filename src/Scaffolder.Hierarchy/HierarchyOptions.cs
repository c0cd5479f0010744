namespace Scaffolder.Hierarchy;

/// <summary>Configuration section <c>Hierarchy</c>.</summary>
public sealed class HierarchyOptions
{
    public const string SectionName = "Hierarchy";

    public SeedOptions Seed { get; set; } = new();

    public sealed class SeedOptions
    {
        /// <summary>Load the example estate when the service starts with an empty hierarchy.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>The estate file; the one shipped next to the binary when empty. Relative paths resolve against the working directory.</summary>
        public string? Path { get; set; }
    }
}
