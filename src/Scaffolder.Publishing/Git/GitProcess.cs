using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Scaffolder.Publishing.Secrets;

namespace Scaffolder.Publishing.Git;

/// <summary>
/// Runs git as a child process: an argument list (no shell), a hardened environment, a hard timeout
/// and cancellation that kill the whole process tree, and error messages with every secret masked.
/// </summary>
internal sealed class GitProcess(GitCliOptions options, SecretRedactor redactor)
{
    private const int MaxErrorBytes = 64 * 1024;
    private static readonly string NullDevice = OperatingSystem.IsWindows() ? "NUL" : "/dev/null";

    public async Task<GitProcessResult> RunAsync(GitInvocation invocation, CancellationToken cancellationToken)
    {
        var secrets = redactor.With(invocation.Credentials?.Secrets ?? []);
        var description = secrets.Redact(invocation.Description);
        var timeout = invocation.Timeout ?? (invocation.UsesNetwork ? options.NetworkTimeout : options.CommandTimeout);

        using var process = new Process { StartInfo = CreateStartInfo(invocation) };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            throw new GitCommandException(
                $"{description} failed: git could not be started ('{options.ExecutablePath}': {e.Message}). Is git installed and on PATH?",
                description,
                exitCode: null,
                standardError: string.Empty,
                timedOut: false);
        }

        var stdout = ReadCappedAsync(process.StandardOutput.BaseStream, options.MaxOutputBytes);
        var stderr = ReadCappedAsync(process.StandardError.BaseStream, MaxErrorBytes);
        var stdin = WriteInputAsync(process.StandardInput, invocation.StandardInput);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            KillTree(process);
            cancellationToken.ThrowIfCancellationRequested();
            var partialError = secrets.Redact(Encoding.UTF8.GetString(await DrainAsync(stderr).ConfigureAwait(false)));
            throw new GitCommandException(
                $"{description} timed out after {Describe(timeout)} and was stopped (is the remote reachable?){Detail(partialError)}",
                description,
                exitCode: null,
                standardError: partialError,
                timedOut: true);
        }

        await stdin.ConfigureAwait(false);
        var output = await DrainAsync(stdout).ConfigureAwait(false);
        var error = secrets.Redact(Encoding.UTF8.GetString(await DrainAsync(stderr).ConfigureAwait(false)));
        if (process.ExitCode != 0)
        {
            throw new GitCommandException(
                $"{description} failed (git exit code {process.ExitCode}){Detail(error)}",
                description,
                process.ExitCode,
                error,
                timedOut: false);
        }

        if (output.Length > options.MaxOutputBytes)
        {
            throw new GitCommandException(
                $"{description} produced more than {options.MaxOutputBytes} bytes of output.",
                description,
                process.ExitCode,
                error,
                timedOut: false);
        }

        return new GitProcessResult(process.ExitCode, output, error);
    }

    private ProcessStartInfo CreateStartInfo(GitInvocation invocation)
    {
        var startInfo = new ProcessStartInfo(options.ExecutablePath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            WorkingDirectory = invocation.WorkingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in invocation.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var environment = startInfo.Environment;

        // Variables such as GIT_DIR or GIT_INDEX_FILE inherited from a parent git (a hook, a test run
        // inside a checkout) would silently redirect every command.
        foreach (var key in environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            environment.Remove(key);
        }

        // Never prompt: a prompt without a terminal is a hang. An empty GIT_ASKPASS also outranks core.askPass.
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["GIT_ASKPASS"] = string.Empty;
        environment["SSH_ASKPASS"] = string.Empty;
        environment["GCM_INTERACTIVE"] = "never";
        environment["GIT_SSH_COMMAND"] = $"ssh -o BatchMode=yes -o ConnectTimeout={(int)Math.Max(1, options.StallTimeout.TotalSeconds)}";

        // The service's behaviour must not depend on whoever's ~/.gitconfig or /etc/gitconfig is around:
        // identity, credential helpers, hooks, insteadOf rewrites and signing all come from here.
        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = NullDevice;
        environment["GIT_ALLOW_PROTOCOL"] = "file:git:http:https:ssh";
        environment["GIT_HTTP_LOW_SPEED_LIMIT"] = "1";
        environment["GIT_HTTP_LOW_SPEED_TIME"] = ((int)Math.Max(1, options.StallTimeout.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["LC_ALL"] = "C";
        environment["LANGUAGE"] = "C";

        if (invocation.Identity is { } identity)
        {
            environment["GIT_AUTHOR_NAME"] = identity.Name;
            environment["GIT_AUTHOR_EMAIL"] = identity.Email;
            environment["GIT_COMMITTER_NAME"] = identity.Name;
            environment["GIT_COMMITTER_EMAIL"] = identity.Email;
        }

        // Configuration through GIT_CONFIG_COUNT/KEY/VALUE rather than "-c": the environment of a
        // process is private to its user, its argv is not. The credentials travel this way too.
        var settings = new List<(string Key, string Value)>
        {
            ("core.hooksPath", NullDevice),
            ("core.autocrlf", "false"),
            ("core.safecrlf", "false"),
            ("core.fsmonitor", "false"),
            ("core.quotePath", "false"),
            ("commit.gpgSign", "false"),
            ("tag.gpgSign", "false"),
            ("safe.directory", "*"),
            ("credential.helper", string.Empty),
            ("advice.detachedHead", "false"),
        };
        if (invocation.Credentials is { } credentials)
        {
            settings.Add(("http.extraHeader", $"Authorization: {credentials.AuthorizationHeader}"));
        }

        environment["GIT_CONFIG_COUNT"] = settings.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < settings.Count; i++)
        {
            environment[$"GIT_CONFIG_KEY_{i}"] = settings[i].Key;
            environment[$"GIT_CONFIG_VALUE_{i}"] = settings[i].Value;
        }

        return startInfo;
    }

    private static async Task WriteInputAsync(StreamWriter input, string? text)
    {
        try
        {
            if (text is not null)
            {
                await input.WriteAsync(text).ConfigureAwait(false);
            }

            input.Close();
        }
        catch (IOException)
        {
            // git exited without reading its input; its exit code tells the story.
        }
    }

    private static async Task<byte[]> ReadCappedAsync(Stream stream, int cap)
    {
        using var kept = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            // Keep reading past the cap (a full pipe would block git), but keep no more than cap + 1 bytes.
            var room = cap + 1 - (int)kept.Length;
            if (room > 0)
            {
                kept.Write(buffer, 0, Math.Min(room, read));
            }
        }

        return kept.ToArray();
    }

    // A grandchild that outlives git may hold the pipe open; do not wait for it forever.
    private static async Task<byte[]> DrainAsync(Task<byte[]> reading)
    {
        try
        {
            return await reading.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or IOException or ObjectDisposedException)
        {
            return [];
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string Detail(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("hint:", StringComparison.Ordinal))
            .ToList();
        if (lines.Count == 0)
        {
            return ".";
        }

        var text = string.Join(" ", lines);
        return ": " + (text.Length > 2000 ? text[..2000] + " …" : text);
    }

    internal static string Describe(TimeSpan span) =>
        span.TotalSeconds < 1 ? $"{span.TotalMilliseconds:0} ms" : $"{span.TotalSeconds:0.#} s";
}
