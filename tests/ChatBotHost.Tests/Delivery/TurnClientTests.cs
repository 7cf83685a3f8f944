using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;

namespace ChatBotHost.Tests.Delivery;

public sealed class TurnClientTests
{
    private readonly RecordingSendQueue _outbox = new();
    private readonly TurnClient _client;

    public TurnClientTests()
    {
        var connection = new PortalConnection(new Uri("https://turn.bitrix24.test/rest/1/code/"), new HandlerClients(new ScriptedPortal()));
        _client = new TurnClient(_outbox, new HostedBot(new BotBuilder().Profile("echo", "Echo").Build("Echo"), new BotSettings(), "t", connection), "e:77");
    }

    [Fact]
    public async Task CallAsync_CallsWithAnEffect_AreKeyedByEventOrdinalAndMethod()
    {
        await _client.CallAsync(Sends.Message("5", "one"), CancellationToken.None);
        await _client.CallAsync(Sends.Answer("5", "two"), CancellationToken.None);
        await _client.CallAsync(new ChatMessageUpdateRequest { MessageId = 1, Fields = new MessageUpdateFields { Message = "x" } }, CancellationToken.None);

        Assert.Equal(
            ["e:77#1:imbot.v2.Chat.Message.send", "e:77#2:imbot.v2.Command.answer", "e:77#3:imbot.v2.Chat.Message.update"],
            _outbox.Keys);
    }

    [Fact]
    public async Task CallAsync_ReadsAndTheTypingIndicator_GetNoKeyAndTakeNoOrdinal()
    {
        await _client.CallAsync(Sends.Typing("5"), CancellationToken.None);
        await _client.CallAsync(new ChatMessageGetRequest { MessageId = 1 }, CancellationToken.None);
        await _client.CallAsync(Sends.Message("5", "one"), CancellationToken.None);

        Assert.Equal([null, null, "e:77#1:imbot.v2.Chat.Message.send"], _outbox.Keys);
    }

    [Theory]
    [InlineData("imbot.v2.Chat.Message.send", true)]
    [InlineData("imbot.v2.Chat.Message.get", false)]
    [InlineData("imbot.v2.Chat.Message.getContext", false)]
    [InlineData("imbot.v2.Chat.User.list", false)]
    [InlineData("imbot.v2.File.download", false)]
    [InlineData("imbot.v2.Chat.InputAction.notify", false)]
    [InlineData("imbot.v2.Chat.TextField.enabled", true)]
    public void HasEffect_Method_SaysWhetherARepeatMustBeAvoided(string method, bool hasEffect) =>
        Assert.Equal(hasEffect, CallKinds.HasEffect(method));

    private sealed class RecordingSendQueue : ISendQueue
    {
        public List<string?> Keys { get; } = [];

        public Task<TResult> SendAsync<TResult>(HostedBot bot, BitrixRequest<TResult> call, string? idempotencyKey, CancellationToken cancellationToken)
        {
            Keys.Add(idempotencyKey);
            return Task.FromResult(default(TResult)!);
        }

        public Task<EventGetResult> PollAsync(HostedBot bot, EventGetRequest request, DateTimeOffset goAloneAt, CancellationToken cancellationToken) =>
            throw new NotSupportedException("A turn never polls.");
    }
}
