namespace Scaffolder.Templating.Syntax;

/// <summary>A position in template text; line and column are zero-based.</summary>
internal readonly record struct TextPosition(int Offset, int Line, int Column)
{
    public static readonly TextPosition None = new(-1, -1, -1);

    public TextPosition NextColumn(int count = 1) => new(Offset + count, Line, Column + count);
}

/// <summary>A range of template text, inclusive at both ends, within a named template.</summary>
internal readonly record struct SourceSpan(string FileName, TextPosition Start, TextPosition End)
{
    /// <summary>The span just after this one, where a missing piece would have been.</summary>
    public SourceSpan After() => new(FileName, End.NextColumn(), End.NextColumn());

    public string Describe() => $"{FileName}({Start.Line + 1},{Start.Column + 1})";
}
