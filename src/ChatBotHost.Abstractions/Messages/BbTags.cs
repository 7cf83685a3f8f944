using System.Text.RegularExpressions;

namespace ChatBotHost.Abstractions.Messages;

/// <summary>Finds the BB-code tags of markup and pairs each opening tag with its closing tag.</summary>
internal static partial class BbTags
{
    /// <summary>
    /// The tags in order of position. Pairs are matched like brackets by name; an opening tag that no closing tag ends
    /// (and a closing tag that opens nothing) stands alone, so it is never closed or reopened by a split.
    /// </summary>
    public static List<BbTag> Find(string markup)
    {
        var tags = new List<BbTag>();
        var open = new List<int>();
        foreach (Match match in Tag().Matches(markup))
        {
            var name = match.Groups["name"].Value.ToLowerInvariant();
            var closing = match.Groups["slash"].Success;
            var index = tags.Count;
            tags.Add(new BbTag(match.Index, match.Index + match.Length, name, closing, -1));
            if (!closing)
            {
                open.Add(index);
                continue;
            }

            // The innermost unclosed opener of the same name; openers above it were never closed and stay alone.
            var opener = open.FindLastIndex(i => tags[i].Name == name);
            if (opener >= 0)
            {
                var partner = open[opener];
                tags[partner] = tags[partner] with { Partner = index };
                tags[index] = tags[index] with { Partner = partner };
                open.RemoveRange(opener, open.Count - opener);
            }
        }

        return tags;
    }

    // A tag name right after "[" (an escaped "[" is followed by U+2060 and so never matches), up to the first "]".
    [GeneratedRegex(@"\[(?<slash>/)?(?<name>[a-zA-Z]+)(?:[ =][^\[\]]*)?\]", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();
}
