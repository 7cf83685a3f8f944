using System.Net;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Notify;
using ChatBotHost.Bitrix.Tests.Client;

namespace ChatBotHost.Bitrix.Tests.Requests;

public sealed class NotifyRequestTests
{
    [Fact]
    public async Task CallAsync_NotifyConfirm_SendsIdAndNotifyValueAndReadsTheMessages()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("""{"result_message":["Invitation accepted"]}""");

        var result = await fixture.Client.CallAsync(new ImNotifyConfirmRequest { Id = 288, NotifyValue = "Y" }, CancellationToken.None);

        Assert.Equal(["Invitation accepted"], result.Messages);
        var body = fixture.Single.Json;
        Assert.Equal((288, "Y"), ((int)body["ID"]!, (string)body["NOTIFY_VALUE"]!));
    }

    [Theory]
    [InlineData("""["Your response has been sent."]""", 1)]
    [InlineData("""{"result_message":false}""", 0)]
    [InlineData("true", 0)]
    public async Task CallAsync_NotifyAnswerInEachDocumentedShape_IsRead(string result, int messages)
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult(result);

        var answer = await fixture.Client.CallAsync(new ImNotifyAnswerRequest { Id = 270, AnswerText = "Hello" }, CancellationToken.None);

        Assert.Equal(messages, answer.Messages.Count);
    }

    [Theory]
    [InlineData(ImNotifyErrors.IdError)]
    [InlineData(ImNotifyErrors.NotifyValueError)]
    public async Task CallAsync_NotifyConfirmRefused_ThrowsWithTheCode(string code)
    {
        using var fixture = new ClientFixture();
        fixture.Handler.Answer(HttpStatusCode.BadRequest, $$"""{"error":"{{code}}","error_description":"bad"}""");

        var error = await Assert.ThrowsAsync<BitrixApiException>(() =>
            fixture.Client.CallAsync(new ImNotifyConfirmRequest { Id = 0, NotifyValue = "" }, CancellationToken.None));

        Assert.Equal(code, error.Error);
    }

    [Fact]
    public async Task CallAsync_NotifySystemAdd_SendsUpperCaseNamesAndReturnsTheId()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("12345");

        var id = await fixture.Client.CallAsync(
            new ImNotifySystemAddRequest { UserId = 5, Message = "Ticket 7 is done", Tag = "TICKET_7", Attach = new JsonArray() },
            CancellationToken.None);

        Assert.Equal(12345, id);
        var body = fixture.Single.Json;
        Assert.Equal((5, "Ticket 7 is done", "TICKET_7"), ((int)body["USER_ID"]!, (string)body["MESSAGE"]!, (string)body["TAG"]!));
        Assert.Null(body["MESSAGE_OUT"]);
    }

    [Fact]
    public async Task CallAsync_NotifyPersonalAddNotCreated_ReturnsNull()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("false");

        var id = await fixture.Client.CallAsync(new ImNotifyPersonalAddRequest { UserId = 5, Message = "x" }, CancellationToken.None);

        Assert.Null(id);
        Assert.EndsWith("/im.notify.personal.add", fixture.Single.Uri.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_NotifyReadListAndRead_SendFlagsAsYesNo()
    {
        using var fixture = new ClientFixture();
        fixture.Handler.AnswerResult("true").AnswerResult("true").AnswerResult("true");

        Assert.True(await fixture.Client.CallAsync(new ImNotifyReadListRequest { Ids = [1, 2], Read = false }, CancellationToken.None));
        Assert.True(await fixture.Client.CallAsync(new ImNotifyReadRequest { Id = 17, OnlyCurrent = true }, CancellationToken.None));
        Assert.True(await fixture.Client.CallAsync(new ImNotifyDeleteRequest { Tag = "TICKET_7" }, CancellationToken.None));

        var list = fixture.Handler.Requests[0].Json;
        Assert.Equal(("[1,2]", "N"), (list["IDS"]!.ToJsonString(), (string)list["ACTION"]!));
        Assert.Equal("Y", (string?)fixture.Handler.Requests[1].Json["ONLY_CURRENT"]);
        Assert.Equal(("TICKET_7", null), ((string?)fixture.Handler.Requests[2].Json["TAG"], fixture.Handler.Requests[2].Json["ID"]));
    }
}
