using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.Delivery;

/// <summary>An outbox over the real client and a scripted portal, on a fake clock, with in-memory ledger and dead letters.</summary>
internal sealed class SendQueueBed : IAsyncDisposable
{
    public const string BotToken = "secret-bot-token-4711";

    public SendQueueBed(Action<SendQueueOptions>? configure = null)
    {
        Ledger = new InMemorySentLedger(Clock);
        var options = new ChatBotHostOptions();
        configure?.Invoke(options.SendQueue);
        // The portal's call pipeline on the bed's clock: no shared bucket (the outbox has no limiter either).
        var pipeline = new CallPipeline(
            new PortalRetryPolicy(options.SendQueue, Clock),
            limiter: null,
            new PortalSuspensions(Clock, NullLogger<PortalSuspensions>.Instance),
            metrics: null,
            NullLogger<CallPipeline>.Instance);
        var connection = new PortalConnection(new Uri("https://outbox.bitrix24.test/rest/1/webhookcode/"), new HandlerClients(Portal), pipeline);
        Bot = NewBot("echo", connection);
        OtherBot = NewBot("counter", connection);
        var records = new SendRecords(Ledger, DeadLetters, Clock, NullLogger<SendRecords>.Instance);
        SendQueue = new SendQueue(new RequestSender(new DirectClients()), records, Options.Create(options), Clock, limiter: null);
    }

    public ScriptedPortal Portal { get; } = new();

    public CountingFakeTimeProvider Clock { get; } = new();

    public InMemorySentLedger Ledger { get; }

    public InMemoryDeadLetterStore DeadLetters { get; } = new();

    public HostedBot Bot { get; }

    public HostedBot OtherBot { get; }

    public SendQueue SendQueue { get; }

    public async ValueTask DisposeAsync()
    {
        await SendQueue.DisposeAsync();
        Portal.Dispose();
    }

    private static HostedBot NewBot(string code, PortalConnection connection)
    {
        var bot = new HostedBot(new BotBuilder().Profile(code, code).Build(code), new BotSettings(), BotToken, connection);
        bot.Use(new BotRegistration { BotId = code.Length, WebhookSecret = "s" });
        return bot;
    }
}
