using System.Net;
using ChatBotHost.Bitrix.Requests.Bots;
using ChatBotHost.Bitrix.Requests.Chats;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Bitrix.Requests.Revision;

namespace ChatBotHost.Bitrix.Tests.Client;

public sealed class BitrixClientRequestTests
{
    [Fact]
    public async Task CallAsync_MessageSend_PostsJsonToWebhookBasePlusMethod()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""{"id":790,"uuidMap":[]}""");

        var result = await fixture.Client.CallAsync(
            new ChatMessageSendRequest { DialogId = "chat5", Fields = new MessageFields { Message = "Hi" } }, CancellationToken.None);

        var sent = fixture.Single;
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal($"https://portal.example.com/rest/1/{ClientFixture.WebhookCode}/imbot.v2.Chat.Message.send", sent.Uri.ToString());
        Assert.StartsWith("application/json", sent.ContentType, StringComparison.Ordinal);
        Assert.Contains("Accept: application/json", sent.Headers, StringComparison.Ordinal);
        Assert.Contains("User-Agent: ChatBotHost/1.0", sent.Headers, StringComparison.Ordinal);
        Assert.Equal(790, result.Id);
        Assert.Empty(result.UuidMap!);
    }

    [Fact]
    public async Task CallAsync_WebhookCredentials_AddBotTokenAndBotId()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""{"id":1}""");

        await fixture.Client.CallAsync(
            new ChatMessageSendRequest { DialogId = "chat5", Fields = new MessageFields { Message = "Hi" } }, CancellationToken.None);

        var json = fixture.Single.Json;
        Assert.Equal(ClientFixture.BotToken, (string?)json["botToken"]);
        Assert.Equal(456, (int?)json["botId"]);
        Assert.Equal("chat5", (string?)json["dialogId"]);
        Assert.Equal("Hi", (string?)json["fields"]!["message"]);
    }

    [Fact]
    public async Task CallAsync_ExplicitBotId_IsKept()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""{"result":true}""");

        await fixture.Client.CallAsync(new ChatLeaveRequest { BotId = 99, DialogId = "chat5" }, CancellationToken.None);

        Assert.Equal(99, (int?)fixture.Single.Json["botId"]);
    }

    [Fact]
    public async Task CallAsync_RevisionGet_SendsNeitherBotTokenNorBotId()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""{"rest":36,"web":130,"mobile":23,"desktop":6}""");

        var revision = await fixture.Client.CallAsync(new RevisionGetRequest(), CancellationToken.None);

        Assert.Empty(fixture.Single.Json);
        Assert.Equal(new RevisionGetResult { Rest = 36, Web = 130, Mobile = 23, Desktop = 6 }, revision);
    }

    [Fact]
    public async Task CallAsync_BotRegister_SendsTokenTopLevelAndInFields()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""{"bot":{"id":456,"code":"echo","type":"bot"},"users":[{"id":456,"name":"Echo","bot":true}]}""");

        var result = await fixture.Client.CallAsync(
            new BotRegisterRequest { Fields = new BotFields { Code = "echo", Properties = new BotProperties { Name = "Echo" } } },
            CancellationToken.None);

        var json = fixture.Single.Json;
        Assert.Equal(ClientFixture.BotToken, (string?)json["botToken"]);
        Assert.Equal(ClientFixture.BotToken, (string?)json["fields"]!["botToken"]);
        Assert.Null(json["botId"]);
        Assert.Equal("Echo", (string?)json["fields"]!["properties"]!["name"]);
        Assert.Equal(456, result.Bot.Id);
        Assert.Equal("Echo", Assert.Single(result.Users).Name);
    }

    [Fact]
    public async Task CallAsync_MessageSendFlags_TravelAsYesNoStrings()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""{"id":1}""");

        await fixture.Client.CallAsync(
            new ChatMessageSendRequest { DialogId = "1", Fields = new MessageFields { Message = "x", System = true, UrlPreview = false } },
            CancellationToken.None);

        var fields = fixture.Single.Json["fields"]!;
        Assert.Equal("Y", (string?)fields["system"]);
        Assert.Equal("N", (string?)fields["urlPreview"]);
        Assert.Null(fields["replyId"]);
    }

    [Fact]
    public async Task CallAsync_ChatUserList_ReadsBareArray()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""[{"id":1,"name":"Ann","active":true},{"id":456,"name":"Echo","bot":true}]""");

        var users = await fixture.Client.CallAsync(new ChatUserListRequest { DialogId = "chat5", Limit = 10 }, CancellationToken.None);

        Assert.Equal([1, 456], users.Select(u => u.Id));
        Assert.True(users[1].Bot);
    }

    [Fact]
    public async Task CallAsync_OkMethod_ReadsNestedResult()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Answer(HttpStatusCode.OK, """{"result":{"result":true},"time":{}}""");

        var ok = await fixture.Client.CallAsync(new ChatUserAddRequest { DialogId = "chat5", UserIds = [7, 8] }, CancellationToken.None);

        Assert.True(ok.Result);
        Assert.Equal("[7,8]", fixture.Single.Json["userIds"]!.ToJsonString());
    }
}
