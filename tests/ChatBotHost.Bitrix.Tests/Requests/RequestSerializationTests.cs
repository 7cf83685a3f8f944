using System.Text.Json;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Json;
using ChatBotHost.Bitrix.Requests.Bots;
using ChatBotHost.Bitrix.Requests.ChatUi;
using ChatBotHost.Bitrix.Requests.Commands;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Bitrix.Tests.Requests;

public sealed class RequestSerializationTests
{
    [Fact]
    public void MessageUpdate_UrlPreview_IsYesNoString()
    {
        var json = RequestJson.ToParameters(new ChatMessageUpdateRequest { MessageId = 5, Fields = new MessageUpdateFields { UrlPreview = true } });

        Assert.Equal("""{"messageId":5,"fields":{"urlPreview":"Y"}}""", json.ToJsonString());
    }

    [Fact]
    public void MessageSend_ConnectorFlagsAndForwards_AreWritten()
    {
        var fields = new MessageFields { SkipConnector = true, ForwardIds = new Dictionary<string, int> { ["a1b2"] = 77 } };

        var json = RequestJson.ToParameters(new ChatMessageSendRequest { DialogId = "1", Fields = fields });

        Assert.Equal("""{"dialogId":"1","fields":{"forwardIds":{"a1b2":77},"skipConnector":"Y"}}""", json.ToJsonString());
    }

    [Fact]
    public void BotUpdate_ResetBackground_SendsExplicitNull()
    {
        var json = RequestJson.ToParameters(new BotUpdateRequest { Fields = new BotUpdateFields { ResetBackground = true } });

        Assert.Equal("""{"fields":{"backgroundId":null}}""", json.ToJsonString());
    }

    [Fact]
    public void BotUpdateFields_CanBeReadBack()
    {
        var fields = JsonSerializer.Deserialize<BotUpdateFields>("""{"backgroundId":"sky"}""", BitrixJson.Options);

        Assert.Equal("sky", fields!.BackgroundId);
    }

    [Fact]
    public void BotUpdate_WithoutReset_OmitsBackground()
    {
        var json = RequestJson.ToParameters(new BotUpdateRequest { BotId = 4, Fields = new BotUpdateFields { IsHidden = true } });

        Assert.Equal("""{"fields":{"isHidden":true},"botId":4}""", json.ToJsonString());
    }

    [Fact]
    public void CommandUpdate_NullTitleLanguage_IsSentAsNullToDeleteIt()
    {
        var fields = new CommandFields { Title = new Dictionary<string, string?> { ["en"] = "Help", ["de"] = null } };

        var json = RequestJson.ToParameters(new CommandUpdateRequest { CommandId = 42, Fields = fields });

        Assert.Equal("""{"commandId":42,"fields":{"title":{"en":"Help","de":null}}}""", json.ToJsonString());
    }

    [Fact]
    public void TextFieldEnabled_DefaultsToTrue()
    {
        var json = RequestJson.ToParameters(new ChatTextFieldEnabledRequest { DialogId = "chat5" });

        Assert.True((bool?)json["enabled"]);
    }

    [Fact]
    public void EventGet_FirstCall_OmitsOffset()
    {
        var json = RequestJson.ToParameters(new EventGetRequest { Limit = 100 });

        Assert.Equal("""{"limit":100}""", json.ToJsonString());
    }
}
