using System.Collections;

namespace Archive.Core.Catalog;

/// <summary>
/// An immutable list equal to another with the same items in the same order: a record that holds one stays equal by value
/// (a <see cref="List{T}"/> would compare by reference). The catalog keeps it as an array.
/// </summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    public ValueList(IEnumerable<T> items) => _items = [.. items];

    public static ValueList<T> Empty { get; } = new([]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    public bool Equals(ValueList<T>? other) => other is not null && _items.SequenceEqual(other._items);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode() => _items.Aggregate(_items.Length, (hash, item) => HashCode.Combine(hash, item));

    public override string ToString() => $"[{string.Join(", ", _items)}]";
}
