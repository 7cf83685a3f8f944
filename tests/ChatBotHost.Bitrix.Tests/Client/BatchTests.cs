using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Bitrix.Requests.ChatUi;
using ChatBotHost.Bitrix.Requests.Chats;
using ChatBotHost.Bitrix.Requests.Files;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Tests.Client;

public sealed class BatchTests
{
    private static ChatMessageSendRequest Welcome => new()
    {
        DialogId = "chat5",
        Fields = new MessageFields { Message = "Hi & welcome", UrlPreview = false },
    };

    private static ChatInputActionNotifyRequest Thinking => new() { DialogId = "chat5", StatusMessageCode = InputActionCodes.Thinking };

    [Fact]
    public async Task CallAsync_Batch_EncodesSubCallsAsPhpQueriesWithBotTokenEach()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""{"result":{"m1":{"id":790,"uuidMap":[]},"m2":{"result":true}},"result_error":[],"result_total":[],"result_next":[],"result_time":[]}""");

        await fixture.Client.CallAsync(new BatchRequest().Add("m1", Welcome).Add("m2", Thinking), CancellationToken.None);

        var sent = fixture.Single;
        Assert.Equal($"https://portal.example.com/rest/1/{ClientFixture.WebhookCode}/batch", sent.Uri.ToString());
        var body = sent.Json;
        Assert.Equal(0, (int?)body["halt"]);
        Assert.Null(body["botToken"]); // the outer batch is not an imbot.v2 method
        Assert.Equal(
            "imbot.v2.Chat.Message.send?dialogId=chat5&fields%5Bmessage%5D=Hi+%26+welcome&fields%5BurlPreview%5D=N&botId=456&botToken=tok123secret",
            (string?)body["cmd"]!["m1"]);
        var m2 = (string)body["cmd"]!["m2"]!;
        Assert.StartsWith("imbot.v2.Chat.InputAction.notify?", m2, StringComparison.Ordinal);
        var query = PhpForm.Decode(m2[(m2.IndexOf('?', StringComparison.Ordinal) + 1)..]);
        Assert.Equal("IMBOT_AGENT_ACTION_THINKING", (string?)query["statusMessageCode"]);
        Assert.Equal("tok123secret", (string?)query["botToken"]);
        Assert.Equal("456", (string?)query["botId"]);
    }

    [Fact]
    public async Task CallAsync_BatchWithOAuth_PutsAuthOnOuterCallOnly()
    {
        using var fixture = new ClientFixture(new OAuthCredentials(new FakeTokenProvider(), 456));
        fixture.Handler.AnswerResult("""{"result":[],"result_error":[]}""");

        await fixture.Client.CallAsync(new BatchRequest { Halt = true }.Add("leave", new ChatLeaveRequest { DialogId = "chat7" }), CancellationToken.None);

        var body = fixture.Single.Json;
        Assert.Equal("token-1", (string?)body["auth"]);
        Assert.Equal(1, (int?)body["halt"]);
        Assert.Equal("imbot.v2.Chat.leave?dialogId=chat7&botId=456", (string?)body["cmd"]!["leave"]);
    }

    [Fact]
    public async Task CallAsync_BatchWithFailedSubCall_ExposesResultsAndErrorsPerId()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""
            {"result":{"m1":{"id":790,"uuidMap":[]}},
             "result_error":{"m2":{"error":"ACCESS_DENIED","error_description":"Bot is not a member"}},
             "result_total":[],"result_next":[],
             "result_time":{"m1":{"start":1.1,"finish":1.2,"duration":0.1}}}
            """);

        var result = await fixture.Client.CallAsync(new BatchRequest().Add("m1", Welcome).Add("m2", Thinking), CancellationToken.None);

        Assert.True(result.Succeeded("m1"));
        Assert.Equal(790, result.GetResult<ChatMessageSendResult>("m1").Id);
        Assert.Null(result.GetError("m1"));
        var error = result.GetError("m2");
        Assert.Equal("ACCESS_DENIED", error!.Error);
        Assert.Equal("Bot is not a member", error.Description);
        Assert.Same(error.Error, Assert.Throws<BitrixApiException>(() => result.GetResult<OkResult>("m2")).Error);
        Assert.NotNull(result.Times["m1"]);
    }

    [Fact]
    public async Task CallAsync_BatchAllEmptyMapsAsArrays_ReadsAsEmpty()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""{"result":[],"result_error":[],"result_total":[],"result_next":[],"result_time":[]}""");

        var result = await fixture.Client.CallAsync(new BatchRequest().Add("m1", Welcome), CancellationToken.None);

        Assert.Empty(result.Results);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Times);
        Assert.Throws<KeyNotFoundException>(() => result.GetResult<ChatMessageSendResult>("m1"));
    }

    [Fact]
    public async Task CallAsync_BatchWithNumericIds_ReadsPhpListAsIndexKeyedMap()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""{"result":[{"result":true},{"result":true}],"result_error":[]}""");

        var result = await fixture.Client.CallAsync(new BatchRequest().Add("0", Thinking).Add("1", Thinking), CancellationToken.None);

        Assert.True(result.GetResult<OkResult>("1").Result);
    }

    [Fact]
    public async Task CallAsync_BatchItselfRejected_ThrowsLikeAnyCall()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Answer(HttpStatusCode.BadRequest, """{"error":"ERROR_BATCH_LENGTH_EXCEEDED","error_description":"Max batch length exceeded"}""");

        var e = await Assert.ThrowsAsync<BitrixApiException>(() => fixture.Client.CallAsync(new BatchRequest().Add("m1", Thinking), CancellationToken.None));

        Assert.Equal(BitrixErrors.BatchLengthExceeded, e.Error);
    }

    [Fact]
    public void Add_FiftyFirstCall_Throws()
    {
        var batch = new BatchRequest();
        for (var i = 0; i < BatchRequest.MaxCalls; i++)
        {
            batch.Add($"c{i}", Thinking);
        }

        Assert.Throws<ArgumentException>(() => batch.Add("c50", Thinking));
        Assert.Equal(50, batch.Count);
    }

    [Fact]
    public void Add_DuplicateId_Throws()
    {
        var batch = new BatchRequest().Add("m1", Thinking);

        Assert.Throws<ArgumentException>(() => batch.Add("m1", Welcome));
    }

    [Fact]
    public void Add_FileUploadOrNestedBatch_Throws()
    {
        var upload = new FileUploadRequest { DialogId = "chat5", Fields = new FileUploadFields { Name = "a.txt", Content = "YQ==" } };

        Assert.Throws<ArgumentException>(() => new BatchRequest().Add("f", upload));
        Assert.Throws<ArgumentException>(() => new BatchRequest().Add("b", new BatchRequest()));
    }

    [Fact]
    public void With_CopiesCallsInsteadOfSharingThem()
    {
        var original = new BatchRequest().Add("m1", Thinking);

        var copy = original with { Halt = true };
        copy.Add("m2", Thinking);

        Assert.Equal(["m1"], original.Ids);
        Assert.Equal(["m1", "m2"], copy.Ids);
    }
}
