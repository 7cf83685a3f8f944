using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Tests.Fixtures;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Tests.Wire;

public class PhpFormFixtureTests
{
    public static TheoryData<string> EventTypes => FixtureFiles.EventTypes;

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Encode_PayloadParsedFromPhpJson_IsByteEqualToHttpBuildQuery(string type)
    {
        var payload = JsonNode.Parse(FixtureFiles.WebhookJson(type))!.AsObject();

        var encoded = PhpForm.Encode(payload);

        Assert.Equal(FixtureFiles.WebhookForm(type), encoded);
    }

    [Theory]
    [MemberData(nameof(EventTypes))]
    public void Decode_ThenEncode_ReproducesThePhpBody(string type)
    {
        var body = FixtureFiles.WebhookForm(type);

        Assert.Equal(body, PhpForm.Encode(PhpForm.Decode(body)));
    }

    [Fact]
    public void Decode_PhpBody_NestsBracketKeysIntoStringLeaves()
    {
        var tree = PhpForm.Decode(FixtureFiles.WebhookForm("ONIMBOTV2MESSAGEUPDATE"));

        Assert.Equal("Привет, мир! & 100% <ok>", (string?)tree["data"]!["message"]!["text"]);
        Assert.Equal("Team \"A\" + friends", (string?)tree["data"]!["chat"]!["description"]);
        Assert.Equal("13", (string?)tree["data"]!["message"]!["params"]!["FILE_ID"]!["1"]);
        Assert.Equal("0", (string?)tree["data"]!["user"]!["idle"]);
        Assert.Null(tree["data"]!["user"]!["departments"]);
        Assert.Null(tree["data"]!["chat"]!["color"]);
    }
}
