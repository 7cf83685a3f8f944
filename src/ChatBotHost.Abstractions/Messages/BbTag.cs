namespace ChatBotHost.Abstractions.Messages;

/// <summary>
/// A BB-code tag found in markup: <see cref="Start"/>..<see cref="End"/> (exclusive) is "[b]", "[url=…]" or "[/b]";
/// <see cref="Partner"/> is the index of its matching tag, or -1 for a tag that stands alone ([br], [icon=…], [user=all]).
/// </summary>
internal readonly record struct BbTag(int Start, int End, string Name, bool IsClosing, int Partner)
{
    /// <summary>Whether the tag opens a pair that a closing tag ends later.</summary>
    public bool OpensPair => !IsClosing && Partner >= 0;
}
