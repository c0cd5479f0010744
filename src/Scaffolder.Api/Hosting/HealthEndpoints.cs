using Dapper;
using Scaffolder.Storage;

namespace Scaffolder.Api.Hosting;

/// <summary><c>/healthz</c> (the process is up) and <c>/readyz</c> (the database answers).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Json(new { status = "ok" })).ExcludeFromDescription();
        app.MapGet("/readyz", async (Database database, CancellationToken cancellationToken) =>
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(cancellationToken);
                await connection.ExecuteScalarAsync<int>("SELECT 1");
                return Results.Json(new { status = "ok" });
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                return Results.Json(new { status = "unavailable", reason = "database unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).ExcludeFromDescription();
        return app;
    }
}
