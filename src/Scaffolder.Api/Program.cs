using Scaffolder.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddScaffolder();

var app = builder.Build();
app.MapScaffolder();
app.Run();

/// <summary>Entry point; public so integration tests can host the service in-process.</summary>
public partial class Program;
