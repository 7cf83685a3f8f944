using System.Net;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests;
using ChatBotHost.Bitrix.Requests.Messages;
using Moq;

namespace ChatBotHost.Abstractions.Tests.Turns;

public class MessageActionsExtensionsTests
{
    private readonly Mock<IBitrixClient> _api = new();
    private readonly Mock<ITurnContext> _turn = new();

    public MessageActionsExtensionsTests()
    {
        _turn.SetupGet(t => t.Api).Returns(_api.Object);
        _turn.SetupGet(t => t.DialogId).Returns("chat5");
    }

    [Fact]
    public async Task ReactAsync_ReactionAlreadySet_IsNotAnError()
    {
        _api.Setup(a => a.CallAsync(It.IsAny<ChatMessageReactionAddRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new BitrixApiException("REACTION_ALREADY_SET", "set", HttpStatusCode.BadRequest));

        await _turn.Object.ReactAsync(7, "like", CancellationToken.None);
    }

    [Fact]
    public async Task ReactAsync_UnknownReaction_Throws()
    {
        _api.Setup(a => a.CallAsync(It.IsAny<ChatMessageReactionAddRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new BitrixApiException("REACTION_NOT_FOUND", "unknown", HttpStatusCode.BadRequest));

        var error = await Assert.ThrowsAsync<BitrixApiException>(() => _turn.Object.ReactAsync(7, "nope", CancellationToken.None));
        Assert.Equal("REACTION_NOT_FOUND", error.Error);
    }

    [Fact]
    public async Task DeleteMessageAsync_Complete_SendsThePurgeFlagOnlyWhenAsked()
    {
        var sent = new List<ChatMessageDeleteRequest>();
        _api.Setup(a => a.CallAsync(Capture(sent), It.IsAny<CancellationToken>())).ReturnsAsync(new OkResult());

        await _turn.Object.DeleteMessageAsync(8, CancellationToken.None);
        await _turn.Object.DeleteMessageAsync(9, CancellationToken.None, complete: true);

        Assert.Equal([(8, (bool?)null), (9, true)], sent.Select(r => (r.MessageId, r.Complete)));
    }

    [Fact]
    public async Task ForwardAsync_SameMessagesTwice_SendsTheSameRequestAndReturnsCopiesInOrder()
    {
        var sent = new List<ChatMessageSendRequest>();
        _api.Setup(a => a.CallAsync(Capture(sent), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ChatMessageSendRequest r, CancellationToken _) => new ChatMessageSendResult
            {
                Id = 100,
                // The portal may answer ids as strings; and it answers in its own order, not the request's.
                UuidMap = new JsonObject(r.Fields.ForwardIds!.Reverse().Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create($"{p.Value + 1000}")))),
            });

        var first = await _turn.Object.ForwardAsync([3, 1, 2], CancellationToken.None);
        var second = await _turn.Object.ForwardAsync([3, 1, 2], CancellationToken.None, dialogId: "chat9", comment: "fyi");

        Assert.Equal([1003, 1001, 1002], first);
        Assert.Equal(first, second);
        Assert.Equal(sent[0].Fields.ForwardIds, sent[1].Fields.ForwardIds);
        Assert.Equal(("chat5", null), (sent[0].DialogId, sent[0].Fields.Message));
        Assert.Equal(("chat9", "fyi"), (sent[1].DialogId, sent[1].Fields.Message));
    }

    [Fact]
    public async Task ForwardAsync_MoreThanAHundred_IsRefusedBeforeAnyCall()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _turn.Object.ForwardAsync([.. Enumerable.Range(1, 101)], CancellationToken.None));
        _api.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ReplyToAsync_QuotesTheMessage()
    {
        MessageFields? fields = null;
        _turn.Setup(t => t.ReplyAsync(It.IsAny<MessageFields>(), It.IsAny<CancellationToken>()))
            .Callback<MessageFields, CancellationToken>((f, _) => fields = f).ReturnsAsync(5);

        Assert.Equal(5, await _turn.Object.ReplyToAsync(42, "yes", CancellationToken.None));
        Assert.Equal(("yes", (int?)42), (fields!.Message, fields.ReplyId));
    }

    private static T Capture<T>(List<T> into) => Match.Create<T>(r => { into.Add(r); return true; });
}
