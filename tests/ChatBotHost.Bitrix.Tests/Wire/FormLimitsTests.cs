using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Tests.Wire;

/// <summary>Forms are held to <see cref="FormLimits"/> while their pairs are read, before anything is built.</summary>
public class FormLimitsTests
{
    private const string TooDeep = "a key is nested deeper than 64 levels";

    [Theory]
    [InlineData("[a]")]
    [InlineData("%5Ba%5D")]
    [InlineData("%5bA%5d")]
    public void Decode_KeyOfTwoMillionLevels_IsRefusedAsTooDeep(string level)
    {
        var body = "x" + new StringBuilder(level.Length * 2_000_000).Insert(0, level, 2_000_000) + "=1";

        var error = Assert.Throws<PhpFormLimitException>(() => PhpForm.Decode(body));

        Assert.Equal(TooDeep, error.Message);
    }

    [Fact]
    public void Decode_KeyOf64Segments_IsAccepted_And65AreRefused()
    {
        var deepest = PhpForm.Decode(Nested(63) + "=v");
        var node = deepest["x"];
        for (var i = 0; i < 63; i++)
        {
            node = node!["a"];
        }

        Assert.Equal("v", node!.GetValue<string>());
        Assert.Equal(TooDeep, Assert.Throws<PhpFormLimitException>(() => PhpForm.Decode(Nested(64) + "=v")).Message);
    }

    [Fact]
    public void Decode_100000Keys_IsRefusedAsTooMany()
    {
        var body = string.Join('&', Enumerable.Range(0, 100_000).Select(i => $"k{i.ToString(CultureInfo.InvariantCulture)}=1"));

        var error = Assert.Throws<PhpFormLimitException>(() => PhpForm.Decode(body));

        Assert.Equal("more than 10000 keys", error.Message);
    }

    [Fact]
    public void Decode_KeysUpToTheCap_AreAccepted_RepeatedOnesCountEachTime()
    {
        var atCap = string.Join('&', Enumerable.Range(0, FormLimits.DefaultMaxKeys).Select(i => $"data[list][]={i.ToString(CultureInfo.InvariantCulture)}"));

        Assert.Equal(FormLimits.DefaultMaxKeys, PhpForm.Decode(atCap)["data"]!["list"]!.AsObject().Count);

        // parse_str keeps the last of a repeated key, but every repetition is still work to read: each one counts.
        var repeated = string.Join('&', Enumerable.Repeat("a=1", FormLimits.DefaultMaxKeys + 1));
        Assert.Throws<PhpFormLimitException>(() => PhpForm.Decode(repeated));
    }

    [Fact]
    public void Decode_WithOwnLimits_AppliesThem()
    {
        var limits = new FormLimits(MaxDepth: 3, MaxKeys: 2);

        Assert.Equal("v", PhpForm.Decode("a[b][c]=v&d=1", limits)["a"]!["b"]!["c"]!.GetValue<string>());
        Assert.Equal("a key is nested deeper than 3 levels", Assert.Throws<PhpFormLimitException>(() => PhpForm.Decode("a[b][c][d]=v", limits)).Message);
        Assert.Equal("more than 2 keys", Assert.Throws<PhpFormLimitException>(() => PhpForm.Decode("a=1&b=2&c=3", limits)).Message);
    }

    [Fact]
    public void LimitException_IsAFormatException_WhichCallersCatch() =>
        Assert.IsAssignableFrom<FormatException>(Assert.ThrowsAny<Exception>(() => PhpForm.Decode(Nested(100) + "=1")));

    // The depth read from the encoded key must be the count the decoded key's segments give, or the check would pass
    // a key the tree then builds deeper, or refuse one it would not.
    [Theory]
    [InlineData("event")]
    [InlineData("data[bot][id]")]
    [InlineData("data%5Bbot%5D%5Bid%5D")]
    [InlineData("data%5bbot%5d%5bid%5d")]
    [InlineData("list[]")]
    [InlineData("[x]")]
    [InlineData("%5Bx%5D")]
    [InlineData("a[b")]
    [InlineData("a[b]c[d]")]
    [InlineData("a[b[c]]")]
    [InlineData("a[b]%5Bc%5D[d]")]
    [InlineData("a%%5Bb%5D")]
    [InlineData("a%5")]
    [InlineData("a[b%5")]
    [InlineData("%C3%A9t%C3%A9[%E2%82%AC][x]")]
    [InlineData("a+b[c+d]")]
    [InlineData("")]
    public void Depth_OfAnEncodedKey_IsTheSegmentCountOfTheDecodedKey(string encoded)
    {
        var decoded = Uri.UnescapeDataString(encoded.Replace('+', ' '));
        var segments = 0;
        foreach (var unused in new PhpFormKey(decoded))
        {
            segments++;
        }

        Assert.Equal(segments, PhpFormKey.Depth(encoded, stopAt: 100));
    }

    [Fact]
    public void Encode_OfATreeDeeperThanAnyStackWouldTake_DoesNotRecurse()
    {
        const int Depth = 2_000;
        var root = new JsonObject();
        var node = root;
        for (var i = 0; i < Depth; i++)
        {
            var child = new JsonObject();
            node["a"] = child;
            node = child;
        }

        node["leaf"] = "1";
        string? encoded = null;

        // A recursive walk needs far more than 64 KB for 2,000 levels; the iterative one needs a few frames.
        var thread = new Thread(() => encoded = PhpForm.Encode(root), maxStackSize: 64 * 1024);
        thread.Start();
        thread.Join();

        Assert.Equal("a" + string.Concat(Enumerable.Repeat("%5Ba%5D", Depth - 1)) + "%5Bleaf%5D=1", encoded);
    }

    [Fact]
    public void Encode_KeepsTheSendersOrder_AndDropsNullsAndEmptyContainers()
    {
        var payload = new JsonObject
        {
            ["b"] = "2",
            ["a"] = new JsonObject { ["z"] = true, ["y"] = new JsonArray("p", null, "q"), ["x"] = null, ["w"] = new JsonObject() },
            ["c"] = 3,
        };

        Assert.Equal("b=2&a%5Bz%5D=1&a%5By%5D%5B0%5D=p&a%5By%5D%5B2%5D=q&c=3", PhpForm.Encode(payload));
    }

    private static string Nested(int levels) => "x" + string.Concat(Enumerable.Repeat("[a]", levels));
}
