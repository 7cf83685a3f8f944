using System.Text.RegularExpressions;
using ChatBotHost.Abstractions.Messages;

namespace ChatBotHost.Abstractions.Tests.Messages;

public partial class LongTextTests
{
    private const int Max = 100;

    [Fact]
    public void Split_TextWithinTheLimit_IsOnePartUnchanged()
    {
        var text = new string('a', Max);

        Assert.Equal([text], LongText.Split(text, Max));
    }

    [Fact]
    public void Split_PlainWords_CutsAfterASpaceAndLosesNothing()
    {
        var text = string.Concat(Enumerable.Repeat("word ", 50)).TrimEnd();

        var parts = LongText.Split(text, Max);

        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.InRange(p.Length, 1, Max));
        Assert.All(parts.SkipLast(1), p => Assert.EndsWith(" ", p, StringComparison.Ordinal));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_LineBreakInReach_IsPreferredToALaterSpace()
    {
        var text = new string('a', 60) + "\n" + string.Concat(Enumerable.Repeat("b ", 40));

        var parts = LongText.Split(text, Max);

        Assert.Equal(new string('a', 60) + "\n", parts[0]);
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_FormattingOpenAtTheCut_IsClosedAndReopenedInOrder()
    {
        var text = "[b]bold [color=#ff0000]" + string.Concat(Enumerable.Repeat("red ", 40)) + "[/color][/b] tail";

        var parts = LongText.Split(text, Max);

        Assert.True(parts.Count > 1);
        Assert.All(parts, p => Assert.True(p.Length <= Max && Balanced(p), p));
        Assert.EndsWith("[/color][/b]", parts[0], StringComparison.Ordinal);
        Assert.StartsWith("[b][color=#ff0000]", parts[1], StringComparison.Ordinal);
        Assert.Equal(StripTags(text), string.Concat(parts.Select(StripTags)));
    }

    [Fact]
    public void Split_NeverCutsALinkOrAButtonInTwo()
    {
        var link = "[url=https://example.com/a/very/long/path]the link text with spaces in it[/url]";
        var text = string.Concat(Enumerable.Repeat("x ", 35)) + link + " end";

        var parts = LongText.Split(text, Max);

        Assert.Contains(parts, p => p.Contains(link, StringComparison.Ordinal));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_EscapedUserText_KeepsEachEscapeWithItsBracket()
    {
        // Escaped, every "[" is followed by an invisible joiner; a cut between them would make the text markup again.
        string escaped = BbText.FromString(string.Concat(Enumerable.Repeat("[b]", 80)));

        var parts = LongText.Split(escaped, Max);

        Assert.All(parts, p => Assert.False(p.StartsWith('\u2060'), "a part starts with a joiner cut off its bracket"));
        Assert.Equal(escaped, string.Concat(parts));
    }

    [Fact]
    public void Split_KeepsSurrogatePairsWhole()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 120));

        var parts = LongText.Split(text, Max);

        Assert.All(parts, p => Assert.False(char.IsLowSurrogate(p[0])));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void Split_TagWithoutAClosingTag_StandsAlone()
    {
        var text = "[user=all] " + string.Concat(Enumerable.Repeat("hey ", 40));

        var parts = LongText.Split(text, Max);

        Assert.DoesNotContain(parts, p => p.Contains("[/user]", StringComparison.Ordinal));
        Assert.Equal(text, string.Concat(parts));
    }

    private static bool Balanced(string part)
    {
        var stack = new Stack<string>();
        foreach (Match tag in Tag().Matches(part))
        {
            if (tag.Groups[1].Success)
            {
                if (stack.Count == 0 || stack.Pop() != tag.Groups[2].Value)
                {
                    return false;
                }
            }
            else
            {
                stack.Push(tag.Groups[2].Value);
            }
        }

        return stack.Count == 0;
    }

    private static string StripTags(string text) => Tag().Replace(text, "");

    [GeneratedRegex(@"\[(/)?([a-z]+)[^\]]*\]")]
    private static partial Regex Tag();
}
