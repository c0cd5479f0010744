using System.Globalization;
using System.Text;
using Dapper;

namespace Scaffolder.Storage.Catalog;

/// <summary>Translates an <see cref="EntityPredicate"/> to a SQL condition on an entity id column.</summary>
internal sealed class PredicateSql(DynamicParameters parameters)
{
    private int _next;

    public DynamicParameters Parameters { get; } = parameters;

    /// <summary>A condition that holds when the entity whose id is <paramref name="idColumn"/> matches.</summary>
    public string Condition(EntityPredicate predicate, string idColumn)
    {
        var sql = new StringBuilder();
        Append(sql, predicate, idColumn);
        return sql.ToString();
    }

    public string Bind(object? value)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"q{_next++}");
        Parameters.Add(name, value);
        return "@" + name;
    }

    private void Append(StringBuilder sql, EntityPredicate predicate, string id)
    {
        switch (predicate)
        {
            case AllOf { Items.Count: 0 }:
                sql.Append("1 = 1");
                break;
            case AnyOf { Items.Count: 0 }:
                sql.Append("1 = 0");
                break;
            case AllOf all:
                Join(sql, all.Items, " AND ", id);
                break;
            case AnyOf any:
                Join(sql, any.Items, " OR ", id);
                break;
            case Not not:
                sql.Append("NOT (");
                Append(sql, not.Item, id);
                sql.Append(')');
                break;
            case HasKey has:
                sql.Append("EXISTS (SELECT 1 FROM search f WHERE f.entity_id = ").Append(id)
                    .Append(" AND f.key = ").Append(Bind(has.Key)).Append(')');
                break;
            case ValueIn { Values.Count: 0 }:
                sql.Append("1 = 0");
                break;
            case ValueIn valueIn:
                sql.Append("EXISTS (SELECT 1 FROM search f WHERE f.entity_id = ").Append(id)
                    .Append(" AND f.key = ").Append(Bind(valueIn.Key)).Append(" AND f.value ");
                if (valueIn.Values.Count == 1)
                {
                    sql.Append("= ").Append(Bind(valueIn.Values[0]));
                }
                else
                {
                    sql.Append("IN (").AppendJoin(", ", valueIn.Values.Select(Bind)).Append(')');
                }

                sql.Append(')');
                break;
            case ValueStartsWith prefix:
                sql.Append("EXISTS (SELECT 1 FROM search f WHERE f.entity_id = ").Append(id)
                    .Append(" AND f.key = ").Append(Bind(prefix.Key))
                    .Append(" AND f.value LIKE ").Append(Bind(EscapeLike(prefix.Prefix) + "%")).Append(" ESCAPE '\\')");
                break;
            case ValueContains contains:
                sql.Append("EXISTS (SELECT 1 FROM search f WHERE f.entity_id = ").Append(id);
                if (contains.Keys.Count > 0)
                {
                    sql.Append(" AND f.key IN (").AppendJoin(", ", contains.Keys.Select(Bind)).Append(')');
                }

                sql.Append(" AND f.value LIKE ").Append(Bind("%" + EscapeLike(contains.Term) + "%")).Append(" ESCAPE '\\')");
                break;
            default:
                throw new NotSupportedException($"Unknown predicate {predicate.GetType().Name}.");
        }
    }

    private void Join(StringBuilder sql, IReadOnlyList<EntityPredicate> items, string separator, string id)
    {
        sql.Append('(');
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                sql.Append(separator);
            }

            Append(sql, items[i], id);
        }

        sql.Append(')');
    }

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
