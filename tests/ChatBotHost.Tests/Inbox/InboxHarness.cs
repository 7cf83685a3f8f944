using System.Globalization;
using System.Text.Json;
using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using ChatBotHost.Tests.Pipeline;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace ChatBotHost.Tests.Inbox;

/// <summary>One replica's inbox workers over an in-memory inbox, a real pipeline and a fake clock.</summary>
internal sealed class InboxHarness : IAsyncDisposable
{
    private static long _nextEventId = 5000;
    private readonly PipelineHarness _pipeline;
    private readonly CancellationTokenSource _stopping = new();

    /// <param name="declare">The bot.</param>
    /// <param name="configure">Inbox settings.</param>
    /// <param name="services">Replaces services (an IInboxStore over <see cref="Store"/>, an IQueuedEventDecoder).</param>
    public InboxHarness(Action<BotBuilder> declare, Action<InboxOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        Bot = PipelineHarness.Bot(declare);
        Bot.MarkReady();
        var options = new ChatBotHostOptions();
        configure?.Invoke(options.Inbox);
        var lifetime = new Mock<IHostApplicationLifetime>();
        lifetime.Setup(l => l.ApplicationStopping).Returns(_stopping.Token);
        _pipeline = new PipelineHarness(collection =>
        {
            collection.AddSingleton(Options.Create(options));
            collection.AddSingleton<TimeProvider>(Clock);
            collection.AddSingleton<IInboxStore>(Store);
            collection.AddSingleton<IDeadLetterStore>(DeadLetters);
            collection.AddSingleton(lifetime.Object);
            collection.AddSingleton(new BotDirectory([Bot]));
            services?.Invoke(collection);
            collection.AddInbox();
        });
        Services = _pipeline.Services;
        Workers = Services.GetRequiredService<InboxWorkers>();
    }

    public HostedBot Bot { get; }

    public FakeTimeProvider Clock { get; } = new();

    public InMemoryInboxStore Store { get; } = new();

    public InMemoryDeadLetterStore DeadLetters { get; } = new();

    public IServiceProvider Services { get; }

    public InboxWorkers Workers { get; }

    public Task StartAsync() => Workers.StartAsync(CancellationToken.None);

    /// <summary>As the host stops: claiming ends when the application starts stopping, then the workers are stopped.</summary>
    public async Task StopAsync(CancellationToken shutdownTimeout)
    {
        await BeginStoppingAsync();
        await Workers.StopAsync(shutdownTimeout);
    }

    /// <summary>The application begins to stop: when this returns, the workers claim nothing more.</summary>
    public Task BeginStoppingAsync() => _stopping.CancelAsync();

    /// <summary>Stores a user message in its dialog's inbox, as the fetch intake does.</summary>
    public Task SayAsync(string text, string dialogId = "chat1")
    {
        var eventId = Interlocked.Increment(ref _nextEventId);
        var wire = new
        {
            eventId,
            type = "ONIMBOTV2MESSAGEADD",
            date = "2026-01-01T00:00:00+00:00",
            data = new
            {
                bot = new { id = PipelineHarness.BotId, code = Bot.Code },
                message = new { id = eventId, chatId = 1, authorId = 5, text },
                chat = new { id = 1, dialogId },
                user = new { id = 5 },
                language = "en",
            },
        };
        return Services.GetRequiredService<InboxWriter>().EnqueueAsync(
            new InboxItem
            {
                Portal = Bot.Portal.Key,
                BotCode = Bot.Code,
                DialogId = dialogId,
                DeduplicationKey = "e:" + eventId.ToString(CultureInfo.InvariantCulture),
                Source = InboxItem.Sources.Fetch,
                Payload = JsonSerializer.Serialize(wire),
                ReceivedAt = Clock.GetUtcNow(),
            },
            CancellationToken.None);
    }

    /// <summary>Stores a webhook delivery as the webhook intake does: the form body undecoded, with no key yet.</summary>
    public Task DeliverAsync(string formBody, string dialogId = "chat1") =>
        Services.GetRequiredService<InboxWriter>().EnqueueAsync(
            new InboxItem
            {
                Portal = Bot.Portal.Key,
                BotCode = Bot.Code,
                DialogId = dialogId,
                Source = InboxItem.Sources.Webhook,
                Payload = formBody,
                ContentType = "application/x-www-form-urlencoded",
                ReceivedAt = Clock.GetUtcNow(),
            },
            CancellationToken.None);

    /// <summary>Moves the fake clock in small steps until the condition holds.</summary>
    public Task AdvanceUntilAsync(Func<bool> condition, string what) =>
        ClockPump.AdvanceUntilAsync(Clock, condition, what, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await StopAsync(new CancellationToken(canceled: true));
        }

        await _pipeline.DisposeAsync();
        _stopping.Dispose();
    }
}
