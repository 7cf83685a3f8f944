namespace ChatBotHost.Bitrix.Wire;

/// <summary>The name=value pairs of a form body, in order; empty pairs (<c>a=1&amp;&amp;b=2</c>) are skipped.</summary>
public struct PhpFormPairs
{
    private readonly string _body;
    private int _position;

    internal PhpFormPairs(string body)
    {
        _body = body;
        Current = default;
    }

    /// <summary>The pair <see cref="MoveNext"/> moved to.</summary>
    public PhpFormPair Current { get; private set; }

    /// <summary>Enumerates with foreach.</summary>
    public readonly PhpFormPairs GetEnumerator() => this;

    /// <summary>Moves to the next non-empty pair; false at the end of the body.</summary>
    public bool MoveNext()
    {
        while (_position < _body.Length)
        {
            var start = _position;
            var end = _body.IndexOf('&', start);
            end = end < 0 ? _body.Length : end;
            _position = end + 1;
            if (end > start)
            {
                var equals = _body.IndexOf('=', start, end - start);
                Current = equals < 0
                    ? new PhpFormPair(_body, start, end - start, end, 0)
                    : new PhpFormPair(_body, start, equals - start, equals + 1, end - equals - 1);
                return true;
            }
        }

        return false;
    }
}

/// <summary>One pair of a form body; its name and value are decoded when read.</summary>
public readonly struct PhpFormPair
{
    private readonly string _body;
    private readonly int _keyStart;
    private readonly int _keyLength;
    private readonly int _valueStart;
    private readonly int _valueLength;

    internal PhpFormPair(string body, int keyStart, int keyLength, int valueStart, int valueLength)
    {
        _body = body;
        _keyStart = keyStart;
        _keyLength = keyLength;
        _valueStart = valueStart;
        _valueLength = valueLength;
    }

    /// <summary>The name as it stands in the body, still percent-encoded: what limits are checked on before decoding.</summary>
    internal ReadOnlySpan<char> EncodedKey => _body.AsSpan(_keyStart, _keyLength);

    /// <summary>The decoded name, e.g. <c>data[bot][id]</c>; read its segments with <see cref="PhpFormKey"/>.</summary>
    public string Key => PhpForm.UrlDecode(_body.AsSpan(_keyStart, _keyLength));

    /// <summary>The decoded name, in <paramref name="buffer"/> when it fits there, so reading it allocates nothing.</summary>
    public ReadOnlySpan<char> DecodeKey(Span<char> buffer)
    {
        var raw = _body.AsSpan(_keyStart, _keyLength);
        return PhpForm.TryUrlDecode(raw, buffer, out var written) ? buffer[..written] : PhpForm.UrlDecode(raw);
    }

    /// <summary>The decoded value; "" when the pair has no '='.</summary>
    public string Value => PhpForm.UrlDecode(_body.AsSpan(_valueStart, _valueLength));
}
