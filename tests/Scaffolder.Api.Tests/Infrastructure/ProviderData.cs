using Scaffolder.Storage;
using Xunit;

namespace Scaffolder.Api.Tests.Infrastructure;

/// <summary>Theory data: every test that takes a provider runs against both SQLite and PostgreSQL.</summary>
public static class ProviderData
{
    public static TheoryData<DatabaseProvider> Both => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}
