using System.Data.Common;
using Npgsql;

namespace Scaffolder.Storage.Sql;

/// <summary>
/// Fast multi-row writes: PostgreSQL binary COPY; for SQLite one prepared statement executed per
/// row. (Large multi-row VALUES statements are slow in SQLite: binding each named parameter scans
/// the statement's parameter list, so binding grows with the square of the statement's size.)
/// </summary>
internal static class BulkInsert
{
    public static async Task InsertAsync(
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

        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        ExecutePrepared(connection, transaction, sql, rows);
    }

    /// <summary>Runs one parameterised statement (<c>@p0</c>, <c>@p1</c>, …) once per row, prepared once.</summary>
    public static void ExecutePrepared(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<object?[]> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        using var command = Prepare(connection, transaction, sql, rows[0].Length);
        foreach (var row in rows)
        {
            Bind(command, row);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Runs one parameterised statement per row, prepared once, and reads one value from each row's result.</summary>
    public static List<T> QueryPrepared<T>(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<object?[]> rows, Func<DbDataReader, T> read)
    {
        var results = new List<T>(rows.Count);
        if (rows.Count == 0)
        {
            return results;
        }

        using var command = Prepare(connection, transaction, sql, rows[0].Length);
        foreach (var row in rows)
        {
            Bind(command, row);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new InvalidOperationException($"The statement returned no row: {sql}");
            }

            results.Add(read(reader));
        }

        return results;
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, int width)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < width; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static void Bind(DbCommand command, object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            command.Parameters[i].Value = row[i] ?? DBNull.Value;
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
