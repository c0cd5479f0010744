using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Scaffolder.Storage;

namespace Scaffolder.Benchmarks.Harness;

/// <summary>The service as a separate process (Release build) on a given database, for honest latency and memory figures.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _root;

    private ServiceProcess(Process process, string root, HttpClient client, TimeSpan startupTime)
    {
        _process = process;
        _root = root;
        Client = client;
        StartupTime = startupTime;
    }

    public HttpClient Client { get; }

    /// <summary>From process start until <c>/readyz</c> first answered 200.</summary>
    public TimeSpan StartupTime { get; }

    public static async Task<ServiceProcess> StartAsync(
        string serviceDll, DatabaseOptions database, CancellationToken cancellationToken, IDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var root = Path.Combine(Path.GetTempPath(), $"scaffolder-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var startInfo = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        startInfo.ArgumentList.Add(serviceDll);
        var arguments = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Database:Provider"] = database.Provider.ToString(),
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Scaffolder:RootDirectory"] = root,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            arguments[key] = value;
        }

        foreach (var (key, value) in arguments)
        {
            startInfo.ArgumentList.Add($"--{key}={value}");
        }

        var started = Stopwatch.StartNew();
        var process = Process.Start(startInfo)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {process.ExitCode} before it was ready.");
            }

            try
            {
                using var response = await client.GetAsync("/readyz", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(10, cancellationToken);
        }

        return new ServiceProcess(process, root, client, started.Elapsed);
    }

    /// <summary>Resident set size now and at its peak, in bytes (from /proc).</summary>
    public (long Current, long Peak) Memory()
    {
        long Read(string field) =>
            File.ReadLines($"/proc/{_process.Id}/status")
                .Where(l => l.StartsWith(field, StringComparison.Ordinal))
                .Select(l => long.Parse(l.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024)
                .FirstOrDefault();
        return (Read("VmRSS"), Read("VmHWM"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
