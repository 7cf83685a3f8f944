using System.Globalization;
using System.Text.Json;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Tests.Wire;

/// <summary>JSON bodies get the limits forms get: nesting as deep as a key may be, as many values as a form has keys.</summary>
public class LimitedJsonTests
{
    [Fact]
    public void Parse_NestingBombOfAMillionLevels_IsRefusedAsTooDeep()
    {
        var bomb = new string('[', 1_000_000) + new string(']', 1_000_000);

        var error = Assert.Throws<PhpFormLimitException>(() => LimitedJson.Parse(bomb, FormLimits.Default));

        Assert.Equal("a key is nested deeper than 64 levels", error.Message);
    }

    [Fact]
    public void Parse_64Levels_IsAccepted_And65AreRefused()
    {
        Assert.NotNull(LimitedJson.Parse(Objects(64), FormLimits.Default));
        Assert.Throws<PhpFormLimitException>(() => LimitedJson.Parse(Objects(65), FormLimits.Default));
    }

    [Fact]
    public void Parse_100000Values_IsRefusedAsTooMany()
    {
        var body = "{\"a\":[" + string.Join(',', Enumerable.Repeat("[]", 100_000)) + "]}";

        var error = Assert.Throws<PhpFormLimitException>(() => LimitedJson.Parse(body, FormLimits.Default));

        Assert.Equal("more than 10000 keys", error.Message);
    }

    [Fact]
    public void Parse_ValuesUpToTheCap_AreAccepted()
    {
        // The member "a" is one value, its list items the rest.
        var body = "{\"a\":[" + string.Join(',', Enumerable.Range(0, FormLimits.DefaultMaxKeys - 1).Select(i => i.ToString(CultureInfo.InvariantCulture))) + "]}";

        Assert.Equal(FormLimits.DefaultMaxKeys - 1, LimitedJson.Parse(body, FormLimits.Default)!["a"]!.AsArray().Count);
    }

    [Fact]
    public void Parse_InvalidOrDuplicated_IsAJsonException()
    {
        Assert.ThrowsAny<JsonException>(() => LimitedJson.Parse("{\"a\":", FormLimits.Default));
        Assert.ThrowsAny<JsonException>(() => LimitedJson.Parse("{\"a\":1,\"a\":2}", FormLimits.Default));
    }

    [Fact]
    public void Check_OfAParsedElement_CountsAndMeasuresWithoutRecursion()
    {
        using var wide = JsonDocument.Parse("[" + string.Join(',', Enumerable.Repeat("{}", 20_000)) + "]");
        using var deep = JsonDocument.Parse(Objects(40));

        Assert.Equal("more than 10000 keys", Assert.Throws<PhpFormLimitException>(() => LimitedJson.Check(wide.RootElement, FormLimits.Default)).Message);
        LimitedJson.Check(deep.RootElement, FormLimits.Default);
        Assert.Equal(
            "a key is nested deeper than 39 levels",
            Assert.Throws<PhpFormLimitException>(() => LimitedJson.Check(deep.RootElement, new FormLimits(39, 100))).Message);
    }

    // {"a":{"a":…{}…}} with the given number of objects.
    private static string Objects(int levels) =>
        string.Concat(Enumerable.Repeat("{\"a\":", levels - 1)) + "{}" + new string('}', levels - 1);
}
