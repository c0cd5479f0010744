using System.Globalization;

namespace Scaffolder.Storage;

/// <summary>Reads timestamps the way each provider returns them (text from SQLite, values from PostgreSQL), always as UTC.</summary>
public static class Timestamps
{
    public static DateTime Read(object value) => value switch
    {
        DateTime time => DateTime.SpecifyKind(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time, DateTimeKind.Utc),
        DateTimeOffset offset => offset.UtcDateTime,
        string text => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidCastException($"Cannot read a timestamp from {value.GetType().Name}."),
    };

    public static DateTime? ReadOptional(object? value) => value is null or DBNull ? null : Read(value);
}
