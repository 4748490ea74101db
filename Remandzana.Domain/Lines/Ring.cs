namespace Remandzana.Domain.Lines;

/// <summary>
/// A bounded first-in, first-out ring that holds no storage until its first item, then grows by
/// doubling up to its bound; once emptied after a burst it lets its storage go again. Most chat
/// streams sit idle holding a line or two, so they never pay for the bound. Not thread-safe: its
/// owner locks. A mutable struct: keep it in a field, never copy it.
/// </summary>
public struct Ring<T>
{
    private const int FirstSize = 4;

    private readonly int _bound;
    private T[]? _items;
    private int _head;
    private int _count;

    public Ring(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        _bound = bound;
    }

    public readonly int Count => _count;

    /// <summary>Adds <paramref name="item"/> at the end; false (and nothing added) when the ring holds its bound.</summary>
    public bool TryAdd(T item)
    {
        if (_count == _bound)
        {
            return false;
        }

        if (_items is null || _count == _items.Length)
        {
            Grow();
        }

        _items![(_head + _count) % _items.Length] = item;
        _count++;
        return true;
    }

    /// <summary>Adds <paramref name="item"/> at the end; when the ring holds its bound, the oldest item makes room.</summary>
    /// <returns>True when an item was dropped.</returns>
    public bool AddDroppingOldest(T item)
    {
        if (_count < _bound)
        {
            TryAdd(item);
            return false;
        }

        _items![_head] = item;
        _head = (_head + 1) % _items.Length;
        return true;
    }

    /// <summary>Takes the oldest item.</summary>
    public bool TryTake(out T item)
    {
        if (_count == 0)
        {
            item = default!;
            return false;
        }

        item = _items![_head];
        _items[_head] = default!;
        _head = (_head + 1) % _items.Length;
        _count--;
        if (_count == 0)
        {
            _head = 0;
            if (_items.Length > FirstSize)
            {
                _items = null;
            }
        }

        return true;
    }

    /// <summary>The oldest item, left in place.</summary>
    public readonly bool TryPeek(out T item)
    {
        if (_count == 0)
        {
            item = default!;
            return false;
        }

        item = _items![_head];
        return true;
    }

    /// <summary>The items, oldest first.</summary>
    public readonly T[] ToArray()
    {
        var copy = new T[_count];
        for (var i = 0; i < _count; i++)
        {
            copy[i] = _items![(_head + i) % _items.Length];
        }

        return copy;
    }

    private void Grow()
    {
        var size = Math.Min(_bound, _items is null ? FirstSize : _items.Length * 2);
        var items = new T[size];
        for (var i = 0; i < _count; i++)
        {
            items[i] = _items![(_head + i) % _items.Length];
        }

        _items = items;
        _head = 0;
    }
}
