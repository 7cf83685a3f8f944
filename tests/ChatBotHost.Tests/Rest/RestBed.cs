using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.Rest;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.Delivery;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatBotHost.Tests.Rest;

/// <summary>The author's REST API over the real outbox and client, talking to a portal at the HTTP level.</summary>
internal sealed class RestBed : IAsyncDisposable
{
    private readonly HttpMessageHandler _portal;

    public RestBed(HttpMessageHandler portal, Uri? webhookUrl = null, bool ready = true)
    {
        _portal = portal;
        Ledger = new InMemorySentLedger(Clock);
        var connection = new PortalConnection(webhookUrl ?? new Uri("https://rest.bitrix24.test/rest/1/webhookcode/"), new HandlerClients(portal));
        Bot = new HostedBot(new BotBuilder().Profile("crm", "CRM").Build("crm"), new BotSettings(), "rest-bed-token-0123456789", connection);
        Bot.Use(new BotRegistration { BotId = 9, WebhookSecret = "s" });
        if (ready)
        {
            Bot.MarkReady();
        }
        var records = new SendRecords(Ledger, DeadLetters, Clock, NullLogger<SendRecords>.Instance);
        SendQueue = new SendQueue(new RequestSender(new DirectClients()), records, Options.Create(new ChatBotHostOptions()), Clock, limiter: null);
    }

    public FakeTimeProvider Clock { get; } = new();

    public ISentLedger Ledger { get; }

    public InMemoryDeadLetterStore DeadLetters { get; } = new();

    public HostedBot Bot { get; }

    public SendQueue SendQueue { get; }

    /// <summary>The API as a turn (or a job with this scope) sees it; a new one starts counting ordinals again.</summary>
    public SendQueueRest Rest(string? scope = "evt:1", int maxPerRequest = 50, string? dialogId = "5") =>
        new(SendQueue, _ => Task.FromResult(Bot), scope is null ? RestIdempotency.None : new RestIdempotency(scope), dialogId, maxPerRequest);

    public async ValueTask DisposeAsync()
    {
        await SendQueue.DisposeAsync();
        _portal.Dispose();
    }
}
