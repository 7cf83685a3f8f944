namespace ChatBotHost.Bitrix.Wire;

/// <summary>
/// The segments of a decoded form key as parse_str reads them: <c>a[b][c]</c> is a, b, c; an empty segment
/// (<c>a[]</c>) appends; an unterminated bracket suffix is ignored. Read without allocating, so a reader that
/// wants a few fields of a body can match keys without building the tree.
/// </summary>
public ref struct PhpFormKey
{
    private readonly ReadOnlySpan<char> _key;
    private int _next;
    private bool _started;

    /// <summary>Reads the segments of <paramref name="key"/>.</summary>
    public PhpFormKey(ReadOnlySpan<char> key)
    {
        _key = key;
    }

    /// <summary>The segment <see cref="MoveNext"/> moved to.</summary>
    public readonly ReadOnlySpan<char> Current => _key[CurrentRange];

    /// <summary>Where that segment lies in the key.</summary>
    public Range CurrentRange { get; private set; }

    /// <summary>Enumerates with foreach.</summary>
    public readonly PhpFormKey GetEnumerator() => this;

    /// <summary>Moves to the next segment; false when there is none.</summary>
    public bool MoveNext()
    {
        if (!_started)
        {
            _started = true;
            var open = _key.IndexOf('[');
            if (open <= 0)
            {
                // No base name before a bracket: the whole key is one name, as parse_str keeps it.
                CurrentRange = Range.All;
                _next = -1;
                return _key.Length > 0;
            }

            CurrentRange = ..open;
            _next = open;
            return true;
        }

        if (_next < 0 || _next >= _key.Length)
        {
            return false;
        }

        var close = _key[_next..].IndexOf(']');
        if (close < 0)
        {
            return false;
        }

        close += _next;
        CurrentRange = (_next + 1)..close;
        _next = close + 1 < _key.Length && _key[close + 1] == '[' ? close + 1 : -1;
        return true;
    }
}
