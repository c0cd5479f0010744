namespace Scaffolder.Hierarchy.Service;

/// <summary>A field of a partial update: absent (leave as is) or set, possibly to null (clear it).</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static Optional<T> Unset => default;

    public static Optional<T> Of(T value) => new(true, value);

    public T Or(T current) => IsSet ? Value : current;
}
