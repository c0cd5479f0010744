namespace Scaffolder.Publishing;

/// <summary>Best-effort removal of temporary directories (git marks pack files read-only).</summary>
internal static class ScratchDirectory
{
    public static void TryDelete(string path)
    {
        try
        {
            if (!Directory.Exists(path))
            {
                return;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is not worth failing a publish over.
        }
    }
}
