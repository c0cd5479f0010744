using System.Data.Common;
using System.Globalization;
using Npgsql;

namespace Scaffolder.Storage.Sql;

/// <summary>
/// Fast multi-row inserts: PostgreSQL binary COPY, and one prepared statement re-executed per row for SQLite.
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

        await InsertRowByRowAsync(connection, transaction, table, columns, rows);
    }

    // One prepared single-row INSERT executed per row: SQLite's fast path. Multi-row VALUES
    // statements bind parameters by name with a linear search each, so their cost grows with the
    // square of the parameters per statement.
    private static async Task InsertRowByRowAsync(
        DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Create(
            CultureInfo.InvariantCulture,
            $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, c) => $"@p{c}"))})");
        var parameters = new DbParameter[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            parameters[c] = command.CreateParameter();
            parameters[c].ParameterName = string.Create(CultureInfo.InvariantCulture, $"@p{c}");
            command.Parameters.Add(parameters[c]);
        }

        foreach (var row in rows)
        {
            for (var c = 0; c < columns.Count; c++)
            {
                parameters[c].Value = row[c] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync();
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
