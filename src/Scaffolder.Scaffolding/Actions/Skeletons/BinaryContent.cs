namespace Scaffolder.Scaffolding.Actions.Skeletons;

/// <summary>
/// Whether a file is binary, judged from its first bytes the way Backstage's <c>fetch:template</c> judges
/// it (the <c>isbinaryfile</c> heuristic): text byte-order marks mean text, a NUL byte or more than 10%
/// of bytes that are neither printable ASCII nor part of a UTF-8 sequence mean binary. Binary files are
/// copied as they are, never rendered.
/// </summary>
public static class BinaryContent
{
    /// <summary>How many leading bytes are examined.</summary>
    public const int SampleSize = 512;

    public static bool IsBinary(ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return false;
        }

        var sample = content[..Math.Min(content.Length, SampleSize)];
        if (HasTextByteOrderMark(content))
        {
            return false;
        }

        if (sample.StartsWith("%PDF-"u8))
        {
            return true;
        }

        var suspicious = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            var b = sample[i];
            if (b == 0)
            {
                return true;
            }

            if (b is >= 7 and <= 14 or >= 32 and <= 127)
            {
                continue;
            }

            var continuation = b switch
            {
                > 193 and < 224 => 1,
                > 223 and < 240 => 2,
                > 239 and < 248 => 3,
                _ => 0,
            };
            if (continuation > 0 && i + continuation < sample.Length)
            {
                // Like isbinaryfile, the byte after a lead byte is consumed even when the sequence is broken.
                var valid = AreContinuations(sample.Slice(i + 1, continuation));
                i += valid ? continuation : 1;
                if (valid)
                {
                    continue;
                }
            }

            suspicious++;
            if (i >= 32 && suspicious * 100 / sample.Length > 10)
            {
                return true;
            }
        }

        return suspicious * 100 / sample.Length > 10;
    }

    private static bool HasTextByteOrderMark(ReadOnlySpan<byte> content) =>
        Starts(content, 0xEF, 0xBB, 0xBF)
        || Starts(content, 0x00, 0x00, 0xFE, 0xFF)
        || Starts(content, 0xFF, 0xFE, 0x00, 0x00)
        || Starts(content, 0x84, 0x31, 0x95, 0x33)
        || Starts(content, 0xFE, 0xFF)
        || Starts(content, 0xFF, 0xFE);

    private static bool Starts(ReadOnlySpan<byte> content, params ReadOnlySpan<byte> prefix) => content.StartsWith(prefix);

    private static bool AreContinuations(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is < 128 or > 191)
            {
                return false;
            }
        }

        return true;
    }
}
