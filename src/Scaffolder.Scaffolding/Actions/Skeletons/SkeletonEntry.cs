namespace Scaffolder.Scaffolding.Actions.Skeletons;

public enum SkeletonEntryKind
{
    Directory,
    File,
    SymbolicLink,
}

/// <summary>One entry of a skeleton folder.</summary>
/// <param name="RelativePath">Relative to the skeleton root, with <c>/</c> separators.</param>
/// <param name="FullPath">Where it is on disk.</param>
/// <param name="LinkTarget">For a symbolic link: its target as stored (never followed while reading the skeleton).</param>
/// <param name="Mode">Unix permission bits, preserved on copy.</param>
public sealed record SkeletonEntry(string RelativePath, string FullPath, SkeletonEntryKind Kind, string? LinkTarget, UnixFileMode Mode);
