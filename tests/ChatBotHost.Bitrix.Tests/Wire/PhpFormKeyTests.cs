using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Tests.Wire;

public class PhpFormKeyTests
{
    [Theory]
    [InlineData("event", "event")]
    [InlineData("data[bot][id]", "data|bot|id")]
    [InlineData("list[]", "list|")]
    [InlineData("[x]", "[x]")]
    [InlineData("a[b", "a")]
    [InlineData("a[b]c[d]", "a|b")]
    [InlineData("a[b[c]]", "a|b[c")]
    [InlineData("", "")]
    public void Segments_AreReadAsParseStrReadsThem(string key, string expected)
    {
        var segments = new List<string>();
        foreach (var segment in new PhpFormKey(key))
        {
            segments.Add(segment.ToString());
        }

        Assert.Equal(expected, string.Join('|', segments));
    }

    [Fact]
    public void Pairs_SkipEmptyOnes_AndDecodeOnlyWhenRead()
    {
        var pairs = new List<(string, string)>();
        foreach (var pair in PhpForm.Pairs("a=1&&b&data%5Bx%5D=two+words%21&"))
        {
            pairs.Add((pair.Key, pair.Value));
        }

        Assert.Equal([("a", "1"), ("b", ""), ("data[x]", "two words!")], pairs);
    }
}
