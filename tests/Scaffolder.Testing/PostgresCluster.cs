using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Scaffolder.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for this test process: <c>initdb</c> into a temp folder, started on
/// a free loopback port, stopped and deleted when the process exits. Uses Debian's server binaries
/// (<c>/usr/lib/postgresql/*/bin</c>, or <c>SCAFFOLDER_PG_BIN</c>); when run as root the server runs
/// as the <c>postgres</c> OS user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly SemaphoreSlim StartLock = new(1, 1);
    private static PostgresCluster? _shared;
    private static int _databaseCounter;

    private readonly string _binDirectory;
    private readonly string _rootDirectory;
    private readonly bool _runAsPostgresUser;

    private PostgresCluster(string binDirectory, string rootDirectory, bool runAsPostgresUser, int port)
    {
        _binDirectory = binDirectory;
        _rootDirectory = rootDirectory;
        _runAsPostgresUser = runAsPostgresUser;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>The cluster shared by every test in this process, started on first use.</summary>
    public static async Task<PostgresCluster> GetAsync()
    {
        await StartLock.WaitAsync();
        try
        {
            _shared ??= await StartAsync();
            return _shared;
        }
        finally
        {
            StartLock.Release();
        }
    }

    /// <summary>Creates a fresh, empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name};Maximum Pool Size=20";
    }

    public static string? FindBinDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("SCAFFOLDER_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(Path.Combine(configured, "initdb")) ? configured : null;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.GetDirectories(debianRoot)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin and SCAFFOLDER_PG_BIN). " +
            "Run the test suite with ./test.sh, which installs Debian's postgresql package, or install it yourself.");
        var runAsPostgresUser = Environment.UserName == "root";
        var root = Path.Combine(Path.GetTempPath(), $"scaffolder-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var data = Path.Combine(root, "data");
        if (runAsPostgresUser)
        {
            await RunCheckedAsync("chown", ["postgres:postgres", root]);
        }

        var cluster = new PostgresCluster(bin, root, runAsPostgresUser, FreePort());
        await cluster.RunServerToolAsync("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        await cluster.RunServerToolAsync("pg_ctl", [
            "start", "-D", data, "-w", "-t", "60", "-l", Path.Combine(root, "server.log"),
            "-o", $"-p {cluster.Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
        ]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private void Stop()
    {
        try
        {
            RunServerToolAsync("pg_ctl", ["stop", "-D", Path.Combine(_rootDirectory, "data"), "-m", "immediate", "-w"]).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Already gone; nothing to stop.
        }

        try
        {
            Directory.Delete(_rootDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private Task RunServerToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binDirectory, tool);
        return _runAsPostgresUser
            ? RunCheckedAsync("runuser", ["-u", "postgres", "--", path, .. arguments])
            : RunCheckedAsync(path, arguments);
    }

    private static async Task RunCheckedAsync(string fileName, IReadOnlyList<string> arguments)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments, Path.GetTempPath(), timeout: TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Combined}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
