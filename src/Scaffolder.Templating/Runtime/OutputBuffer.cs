namespace Scaffolder.Templating.Runtime;

/// <summary>
/// Where a render writes: a growable character array. Simpler than a StringBuilder on the hot path
/// (one bounds check and a copy per write) and reused across renders.
/// </summary>
internal sealed class OutputBuffer
{
    private const int LargestKept = 64 * 1024;
    private char[] _buffer = new char[1024];
    private int _length;

    public int Length => _length;

    public void Append(string text, int start, int count)
    {
        if (_length + count > _buffer.Length)
        {
            Grow(count);
        }

        text.AsSpan(start, count).CopyTo(_buffer.AsSpan(_length));
        _length += count;
    }

    public override string ToString() => new(_buffer, 0, _length);

    /// <summary>Empties the buffer for reuse; very large buffers are dropped so an idle thread does not pin them.</summary>
    public void Clear()
    {
        _length = 0;
        if (_buffer.Length > LargestKept)
        {
            _buffer = new char[1024];
        }
    }

    private void Grow(int count)
    {
        var size = Math.Max(_buffer.Length * 2, _length + count);
        Array.Resize(ref _buffer, size);
    }
}
