using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Context;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Requests.Messages;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChatBotHost.Abstractions.Tests.Turns;

public class ContextPairingTests
{
    private readonly Clock _clock = new();
    private readonly MapState _state = new();
    private readonly Mock<ITurnContext> _turn = new();
    private string? _confirm;

    public ContextPairingTests()
    {
        _turn.SetupGet(t => t.State).Returns(_state);
        _turn.SetupGet(t => t.BotId).Returns(456);
        _turn.SetupGet(t => t.Services).Returns(new ServiceCollection().AddSingleton<TimeProvider>(_clock).BuildServiceProvider());
        _turn.Setup(t => t.ReplyAsync(It.IsAny<MessageFields>(), It.IsAny<CancellationToken>()))
            .Callback<MessageFields, CancellationToken>((m, _) => _confirm = m.Keyboard!["BUTTONS"]![0]!["COMMAND_PARAMS"]!.GetValue<string>())
            .ReturnsAsync(1);
    }

    [Fact]
    public async Task Offer_TwoLinks_GetDifferentCodes()
    {
        await OfferAsync();
        var first = _confirm;
        await OfferAsync();

        Assert.NotEqual(first, _confirm);
    }

    [Fact]
    public async Task Decide_BeforeTheTtl_ConfirmsWithTheContext()
    {
        await OfferAsync();
        _clock.Now += ContextPairing.Ttl - TimeSpan.FromSeconds(1);

        var outcome = await _turn.Object.DecideContextAsync(Press(_confirm!, userId: 7), CancellationToken.None);

        Assert.True(outcome.IsConfirmed);
        Assert.Equal("acme", outcome.Context!["account"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decide_AfterTheTtl_IsInvalidAndUsedUp()
    {
        await OfferAsync();
        _clock.Now += ContextPairing.Ttl;

        Assert.Equal(PairingStatus.Invalid, (await _turn.Object.DecideContextAsync(Press(_confirm!, userId: 7), CancellationToken.None)).Status);
        Assert.Empty(_state.Values);
    }

    [Fact]
    public async Task Decide_ByAnotherUser_IsInvalidAndLeavesTheCodeToItsOwner()
    {
        await OfferAsync();

        Assert.Equal(PairingStatus.Invalid, (await _turn.Object.DecideContextAsync(Press(_confirm!, userId: 8), CancellationToken.None)).Status);
        Assert.True((await _turn.Object.DecideContextAsync(Press(_confirm!, userId: 7), CancellationToken.None)).IsConfirmed);
    }

    private Task OfferAsync() => _turn.Object.OfferContextAsync(
        new ContextRequested { User = new User { Id = 7 }, Context = new JsonObject { ["account"] = "acme" } }, "Link?", CancellationToken.None);

    private static CommandInvoked Press(string parameters, int userId) =>
        new() { Command = "/confirm", Params = parameters, User = new User { Id = userId } };

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    // The turn's state as JSON by name, like the host's bag (without its version check, which the host's tests cover).
    private sealed class MapState : IDialogState
    {
        public Dictionary<string, string> Values { get; } = [];

        public ValueTask<T?> GetAsync<T>(string name, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Values.TryGetValue(name, out var json) ? JsonSerializer.Deserialize<T>(json) : default);

        public void Set<T>(string name, T value) => Values[name] = JsonSerializer.Serialize(value);

        public void Remove(string name) => Values.Remove(name);
    }
}
