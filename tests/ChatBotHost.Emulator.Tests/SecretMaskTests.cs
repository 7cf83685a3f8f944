using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Emulator.Observation;

namespace ChatBotHost.Emulator.Tests;

public sealed class SecretMaskTests
{
    [Fact]
    public void Json_TokensAndAuth_AreMaskedAtAnyDepthAndOtherFieldsKept()
    {
        var masked = SecretMask.Json(JsonNode.Parse("""
            {"botToken":"t1","botId":5,"fields":{"botToken":"t2","code":"echo","message":"hi"},
             "auth":{"access_token":"a","refresh_token":"r","application_token":"p","domain":"x.bitrix24.com"},
             "list":[{"client_secret":"s"}]}
            """))!;

        Assert.Equal("""
            {"botToken":"***","botId":5,"fields":{"botToken":"***","code":"echo","message":"hi"},"auth":{"access_token":"***","refresh_token":"***","application_token":"***","domain":"x.bitrix24.com"},"list":[{"client_secret":"***"}]}
            """.Trim(), masked.ToJsonString());
    }

    [Fact]
    public void Json_AuthAsAString_IsMasked()
    {
        Assert.Equal("""{"auth":"***"}""", SecretMask.Json(new JsonObject { ["auth"] = "oauth-token" })!.ToJsonString());
    }

    [Fact]
    public void Json_BatchCommandQueryStrings_HaveTheirTokensMasked()
    {
        var masked = SecretMask.Json(new JsonObject
        {
            ["cmd"] = new JsonObject
            {
                ["a"] = "imbot.v2.Chat.Message.send?botId=5&botToken=secret1&dialogId=1&fields[message]=a%3Db",
                ["b"] = "imbot.v2.Event.get?auth=secret2&botId=5",
            },
        })!;

        Assert.Equal("imbot.v2.Chat.Message.send?botId=5&botToken=***&dialogId=1&fields[message]=a%3Db", masked["cmd"]!["a"]!.GetValue<string>());
        Assert.Equal("imbot.v2.Event.get?auth=***&botId=5", masked["cmd"]!["b"]!.GetValue<string>());
    }

    [Fact]
    public void Json_WebhookUrl_KeepsOnlySchemeAndHost()
    {
        var masked = SecretMask.Json(new JsonObject { ["webhookUrl"] = "http://127.0.0.1:5080/bitrix/events/echo/9f8e7d6c" })!;

        Assert.Equal("http://127.0.0.1:5080/***", masked["webhookUrl"]!.GetValue<string>());
    }

    [Fact]
    public void Json_LeavesTheOriginalUntouched()
    {
        var original = new JsonObject { ["botToken"] = "t1" };

        SecretMask.Json(original);

        Assert.Equal("t1", original["botToken"]!.GetValue<string>());
    }

    [Fact]
    public void Form_WebhookBody_MasksEveryTokenWhateverItsBracketPath()
    {
        var form = PhpForm.Encode(new JsonObject
        {
            ["event"] = "ONIMBOTV2MESSAGEADD",
            ["data"] = new JsonObject
            {
                ["bot"] = new JsonObject { ["id"] = 5, ["code"] = "echo", ["auth"] = new JsonObject { ["access_token"] = "abc", ["domain"] = "d" } },
                ["message"] = new JsonObject { ["text"] = "token=abc & more" },
            },
            ["auth"] = new JsonObject { ["application_token"] = "xyz", ["member_id"] = "m1" },
        });

        var masked = SecretMask.Form(form);

        Assert.DoesNotContain("abc", masked.Replace("token%3Dabc", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("xyz", masked, StringComparison.Ordinal);
        Assert.Contains("data%5Bbot%5D%5Bcode%5D=echo", masked, StringComparison.Ordinal);
        Assert.Contains("auth%5Bmember_id%5D=m1", masked, StringComparison.Ordinal);
        Assert.Contains("data%5Bmessage%5D%5Btext%5D=token%3Dabc", masked, StringComparison.Ordinal); // user text is not a secret
    }
}
