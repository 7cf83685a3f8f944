namespace ChatBotHost.Bitrix.Wire;

/// <summary>
/// How much structure a reader of a body accepts before it builds anything: the deepest key and the most keys.
/// Checked while the pairs are read, so a hostile body fails after a few dozen key segments rather than after
/// the whole key has been walked or a tree built from it.
/// </summary>
/// <param name="MaxDepth">The most segments one key may have (<c>a[b][c]</c> has 3); JSON: the deepest nesting.</param>
/// <param name="MaxKeys">The most name=value pairs a form may have; JSON: the most values (members and list items).</param>
public sealed record FormLimits(int MaxDepth, int MaxKeys)
{
    /// <summary>PHP's own default (max_input_nesting_level = 64); Bitrix24's deepest event key has 5 segments.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>
    /// PHP's default max_input_vars is 1000; a reader of events needs more headroom than a web form does, though not much.
    /// Real events carry 20 to 70 keys (our largest fixture, a keyboard press, has 67). What can grow is the message's
    /// params: an attach of at most 60,000 serialized characters, where a leaf takes at least 6 (<c>"K":1,</c>) and
    /// a realistic one 15 or more (so 4,000 leaves at the very most), and a keyboard at about 10 keys a button.
    /// 10,000 keys stay clear of that, and a body at the cap costs a few milliseconds to decode.
    /// </summary>
    public const int DefaultMaxKeys = 10_000;

    /// <summary>The limits every decoder of the project applies unless told otherwise.</summary>
    public static FormLimits Default { get; } = new(DefaultMaxDepth, DefaultMaxKeys);

    /// <summary>The reason a key deeper than <see cref="MaxDepth"/> is refused with.</summary>
    public string TooDeep => $"a key is nested deeper than {MaxDepth} levels";

    /// <summary>The reason a body with more than <see cref="MaxKeys"/> keys is refused with.</summary>
    public string TooMany => $"more than {MaxKeys} keys";

    /// <summary>
    /// Admits one more pair: counts it and checks its key's depth on the still-encoded key, stopping one segment past
    /// the limit, so a key of two million segments costs as much as one of 65.
    /// </summary>
    /// <exception cref="PhpFormLimitException">The pair is one too many, or its key is too deep.</exception>
    internal void Admit(ReadOnlySpan<char> encodedKey, ref int keys)
    {
        if (++keys > MaxKeys)
        {
            throw new PhpFormLimitException(TooMany);
        }

        if (PhpFormKey.Depth(encodedKey, MaxDepth + 1) > MaxDepth)
        {
            throw new PhpFormLimitException(TooDeep);
        }
    }
}
