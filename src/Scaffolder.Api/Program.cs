using Scaffolder.Api.Hosting;

// Settings ship next to the binary; relative data paths (./data) resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddScaffolder();

var app = builder.Build();
app.MapScaffolder();
app.Run();

/// <summary>Entry point; public so integration tests can host the service in-process.</summary>
public partial class Program;
