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

    /// <summary>
    /// How many segments <paramref name="encodedKey"/> has once decoded, as <see cref="MoveNext"/> would count them,
    /// read straight from the encoded key (brackets may arrive as %5B and %5D) and stopping at
    /// <paramref name="stopAt"/>: the cost is bounded by the limit, not by the key's length.
    /// </summary>
    internal static int Depth(ReadOnlySpan<char> encodedKey, int stopAt)
    {
        var reader = new EncodedChars(encodedKey);
        if (!reader.TryRead(out var c))
        {
            return 0;
        }

        // The same rules as MoveNext: no base name before a bracket makes the whole key one name.
        if (c == '[')
        {
            return 1;
        }

        while (c != '[')
        {
            if (!reader.TryRead(out c))
            {
                return 1;
            }
        }

        var depth = 1;
        while (true)
        {
            do
            {
                if (!reader.TryRead(out c))
                {
                    return depth; // an unterminated bracket suffix is ignored
                }
            }
            while (c != ']');

            if (++depth >= stopAt || !reader.TryRead(out c) || c != '[')
            {
                return depth;
            }
        }
    }

    /// <summary>
    /// The characters of a percent-encoded key as far as brackets are concerned: %XX is one byte, anything else itself.
    /// A byte of a multi-byte UTF-8 sequence is never '[' or ']', so brackets are found without decoding UTF-8.
    /// </summary>
    private ref struct EncodedChars(ReadOnlySpan<char> encoded)
    {
        private readonly ReadOnlySpan<char> _encoded = encoded;
        private int _position;

        public bool TryRead(out char c)
        {
            if (_position >= _encoded.Length)
            {
                c = default;
                return false;
            }

            c = _encoded[_position];
            if (c == '%' && _position + 2 < _encoded.Length && char.IsAsciiHexDigit(_encoded[_position + 1]) && char.IsAsciiHexDigit(_encoded[_position + 2]))
            {
                c = (char)((HexValue(_encoded[_position + 1]) << 4) | HexValue(_encoded[_position + 2]));
                _position += 3;
                return true;
            }

            _position++;
            return true;
        }

        private static int HexValue(char digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;
    }
}
