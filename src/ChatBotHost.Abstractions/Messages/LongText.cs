using System.Text;

namespace ChatBotHost.Abstractions.Messages;

/// <summary>
/// Splits message markup longer than a portal message holds (Bitrix24 truncates past 20,000 characters) into parts that
/// each stand on their own: cut at a line break, else at a space, never inside a tag, a link, a mention or a button
/// ([url], [user], [chat], [context], [img], [put], [send], [call]); formatting open at a cut ([b], [color=…], [code]…)
/// is closed at the end of the part and opened again at the start of the next.
/// </summary>
public static class LongText
{
    /// <summary>The most characters one message carries (spec §4.3).</summary>
    public const int MaxLength = 20_000;

    // Cutting inside these would break a link, mention or button in two; formatting tags may be closed and reopened.
    private static readonly HashSet<string> Atomic = new(StringComparer.Ordinal) { "url", "user", "chat", "context", "img", "put", "send", "call" };

    /// <summary>The markup as parts of at most <paramref name="maxLength"/> characters, in order; short markup is one part.</summary>
    public static IReadOnlyList<string> Split(string markup, int maxLength = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(markup);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 100);
        if (markup.Length <= maxLength)
        {
            return [markup];
        }

        var tags = BbTags.Find(markup);
        var blocked = Blocked(markup, tags);
        var parts = new List<string>();
        var start = 0;
        while (start < markup.Length)
        {
            var prefix = Reopen(markup, tags, start);
            // A part always takes at least one character, so the loop ends even under absurdly deep nesting.
            var budget = Math.Max(1, maxLength - prefix.Length);
            while (true)
            {
                var cut = Cut(markup, blocked, start, budget);
                var part = prefix + markup[start..cut] + Close(tags, cut);
                if (part.Length <= maxLength || budget <= 1)
                {
                    parts.Add(part);
                    start = cut;
                    break;
                }

                // The tags closed at this cut did not fit: ask for a cut earlier by the overshoot.
                budget = Math.Max(1, budget - (part.Length - maxLength));
            }
        }

        return parts;
    }

    /// <summary>Where the part that starts at <paramref name="start"/> ends: a line break, else a space, in the window's latter half.</summary>
    private static int Cut(string markup, bool[] blocked, int start, int budget)
    {
        var end = start + budget;
        if (end >= markup.Length)
        {
            return markup.Length;
        }

        var floor = start + budget / 2;
        int? space = null;
        for (var p = end; p > floor; p--)
        {
            if (blocked[p])
            {
                continue;
            }

            if (markup[p - 1] == '\n' || EndsWithBreakTag(markup, p))
            {
                return p;
            }

            space ??= char.IsWhiteSpace(markup[p - 1]) ? p : null;
        }

        if (space is { } atSpace)
        {
            return atSpace;
        }

        // No break in reach: the last allowed position, or a hard cut when a link longer than a message leaves none.
        for (var p = end; p > start; p--)
        {
            if (!blocked[p])
            {
                return p;
            }
        }

        return end;
    }

    private static bool EndsWithBreakTag(string markup, int p) =>
        p >= 4 && string.Compare(markup, p - 4, "[br]", 0, 4, StringComparison.OrdinalIgnoreCase) == 0;

    /// <summary>For each position, whether a cut there would break something: a tag, an atomic pair, a surrogate pair, an escape, a CRLF.</summary>
    private static bool[] Blocked(string markup, List<BbTag> tags)
    {
        var blocked = new bool[markup.Length + 1];
        foreach (var tag in tags)
        {
            var until = tag.OpensPair && Atomic.Contains(tag.Name) ? tags[tag.Partner].End : tag.End;
            for (var p = tag.Start + 1; p < until; p++)
            {
                blocked[p] = true;
            }
        }

        for (var p = 1; p < markup.Length; p++)
        {
            // The word joiner after "[" is what keeps escaped user text inert (BbEscaping): it stays with its character.
            blocked[p] |= char.IsSurrogatePair(markup[p - 1], markup[p]) || markup[p] == BbEscaping.Joiner
                || (markup[p - 1] == '\r' && markup[p] == '\n');
        }

        return blocked;
    }

    /// <summary>The opening tags of the pairs open at <paramref name="position"/>, outermost first.</summary>
    private static string Reopen(string markup, List<BbTag> tags, int position)
    {
        var text = new StringBuilder();
        foreach (var tag in OpenAt(tags, position))
        {
            text.Append(markup, tag.Start, tag.End - tag.Start);
        }

        return text.ToString();
    }

    /// <summary>The closing tags of the pairs open at <paramref name="position"/>, innermost first.</summary>
    private static string Close(List<BbTag> tags, int position)
    {
        var text = new StringBuilder();
        foreach (var tag in Enumerable.Reverse(OpenAt(tags, position)))
        {
            text.Append("[/").Append(tags[tag.Partner].Name).Append(']');
        }

        return text.ToString();
    }

    private static List<BbTag> OpenAt(List<BbTag> tags, int position) =>
        [.. tags.Where(t => t.OpensPair && t.End <= position && position <= tags[t.Partner].Start)];
}
