using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Scaffolder.Publishing.Tests.Infrastructure;

/// <summary>
/// Serves git's smart HTTP protocol by running <c>git http-backend</c> as a CGI program: the request
/// becomes CGI environment variables plus standard input, the program's output becomes the response
/// (CGI header block, then the streamed body).
/// </summary>
public static class GitHttpBackend
{
    public static async Task ServeAsync(HttpContext context, string projectRoot, string pathInfo, string remoteUser)
    {
        var request = context.Request;
        var startInfo = new ProcessStartInfo("git")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.ArgumentList.Add("http-backend");
        var environment = startInfo.Environment;
        foreach (var key in environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(key);
        }

        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        environment["GIT_PROJECT_ROOT"] = projectRoot;
        environment["GIT_HTTP_EXPORT_ALL"] = "1";
        environment["GATEWAY_INTERFACE"] = "CGI/1.1";
        environment["SERVER_PROTOCOL"] = request.Protocol;
        environment["REQUEST_METHOD"] = request.Method;
        environment["PATH_INFO"] = pathInfo.StartsWith('/') ? pathInfo : "/" + pathInfo;
        environment["QUERY_STRING"] = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        environment["REMOTE_USER"] = remoteUser;
        environment["REMOTE_ADDR"] = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1";
        if (request.ContentType is { } contentType)
        {
            environment["CONTENT_TYPE"] = contentType;
        }

        if (request.ContentLength is { } contentLength)
        {
            environment["CONTENT_LENGTH"] = contentLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (request.Headers.ContentEncoding.Count > 0)
        {
            environment["HTTP_CONTENT_ENCODING"] = request.Headers.ContentEncoding.ToString();
        }

        if (request.Headers.TryGetValue("Git-Protocol", out var protocol))
        {
            environment["GIT_PROTOCOL"] = protocol.ToString();
        }

        using var process = Process.Start(startInfo)!;
        var feedInput = Task.Run(async () =>
        {
            try
            {
                await request.Body.CopyToAsync(process.StandardInput.BaseStream);
            }
            finally
            {
                process.StandardInput.Close();
            }
        });
        var errors = process.StandardError.ReadToEndAsync();

        var output = new BufferedStream(process.StandardOutput.BaseStream);
        var response = context.Response;
        while (ReadHeaderLine(output) is { Length: > 0 } line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Status", StringComparison.OrdinalIgnoreCase))
            {
                response.StatusCode = int.Parse(value.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                response.Headers.Append(name, value);
            }
        }

        await output.CopyToAsync(response.Body);
        await feedInput;
        await process.WaitForExitAsync();
        await errors;
    }

    private static string ReadHeaderLine(Stream stream)
    {
        var bytes = new List<byte>();
        int next;
        while ((next = stream.ReadByte()) >= 0 && next != '\n')
        {
            bytes.Add((byte)next);
        }

        return Encoding.ASCII.GetString([.. bytes]).TrimEnd('\r');
    }
}
