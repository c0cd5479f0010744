using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;
using Npgsql;

namespace Scaffolder.Storage.Sql;

/// <summary>
/// Fast multi-row inserts: PostgreSQL binary COPY, and multi-row <c>VALUES</c> statements for SQLite,
/// chunked under the dialect's bind-parameter limit.
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAsync(
        Database database,
        DbConnection connection,
        DbTransaction transaction,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (connection is NpgsqlConnection postgres)
        {
            await CopyAsync(postgres, table, columns, rows);
            return;
        }

        var rowsPerStatement = Math.Max(1, database.Dialect.MaxParameters / columns.Count);
        var columnList = string.Join(", ", columns);
        for (var start = 0; start < rows.Count; start += rowsPerStatement)
        {
            var count = Math.Min(rowsPerStatement, rows.Count - start);
            var sql = new StringBuilder($"INSERT INTO {table} ({columnList}) VALUES ");
            var parameters = new DynamicParameters();
            for (var r = 0; r < count; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                var row = rows[start + r];
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"p{r}_{c}");
                    sql.Append(c == 0 ? "@" : ", @").Append(name);
                    parameters.Add(name, row[c]);
                }

                sql.Append(')');
            }

            await connection.ExecuteAsync(sql.ToString(), parameters, transaction);
        }
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)");
        foreach (var row in rows)
        {
            await importer.StartRowAsync();
            foreach (var value in row)
            {
                switch (value)
                {
                    case null:
                        await importer.WriteNullAsync();
                        break;
                    case long number:
                        await importer.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Bigint);
                        break;
                    case string text:
                        await importer.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text);
                        break;
                    case DateTime time:
                        await importer.WriteAsync(time, NpgsqlTypes.NpgsqlDbType.TimestampTz);
                        break;
                    default:
                        throw new NotSupportedException($"Bulk insert of {value.GetType()} is not supported.");
                }
            }
        }

        await importer.CompleteAsync();
    }
}
