using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Configuration;
using ChatBotHost.Confirmation;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.Pipeline;
using ChatBotHost.Scheduling;
using ChatBotHost.State;
using ChatBotHost.Registration;
using ChatBotHost.Rest;

namespace ChatBotHost.Testing;

/// <summary>
/// Runs one bot the way the host does — the same pipeline, dialog engine and timer dispatch — over in-memory state,
/// a recording portal and a manual clock. Start conversations with <see cref="Conversation"/>.
/// </summary>
public sealed class BotTestHost : IAsyncDisposable
{
    // A bot that re-arms a timer due at once would otherwise keep Wait from ever returning.
    private const int MaxTimerRounds = 10_000;

    // The kit runs claimed events at once, on a clock that stands still meanwhile: any lease will do.
    private static readonly TimeSpan InboxLease = TimeSpan.FromMinutes(1);

    private readonly ServiceProvider _services;
    private readonly FailureCollector _failures = new();
    private int _nextEventId;

    private BotTestHost(Type botType, BotTestOptions options)
    {
        Options = options;
        Files = new KitFiles();
        Portal = new RecordingPortal(new MethodConfirmations(options.Methods), options.Rest, Files);
        Clock = new ManualClock(options.Start);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_failures));
        services.AddSingleton<TimeProvider>(Clock);
        services.AddStateStores(redisConfiguration: null);
        // One call per request: the recording portal answers plain calls, not batches.
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(new ChatBotHostOptions { SendQueue = { MaxBatchSize = 1 } }));
        services.AddSingleton<IBotClientSource>(new RecordingClientSource(Portal));
        services.AddSingleton<IHttpClientFactory>(Files);
        services.AddSingleton(sp => new BotDirectory([CreateBot(sp, botType, options.BotId)]));
        services.AddSingleton<IConfiguration>(sp => BotSettingsOf(sp.GetRequiredService<BotDirectory>().All.Single().Code, options));
        TurnPipeline.Register(services);
        services.AddBitrixRest();
        services.AddDialogEngine();
        services.AddInboxWriter();
        options.ConfigureServices?.Invoke(services);
        _services = services.BuildServiceProvider(validateScopes: true);
        Bot = _services.GetRequiredService<BotDirectory>().All.Single();
    }

    /// <summary>The clock the bot's timers run on; <see cref="Conversation.Wait"/> moves it.</summary>
    public ManualClock Clock { get; }

    /// <summary>Every message the bot sent, in order, in any dialog.</summary>
    public IReadOnlyList<SentMessage> Sent => Portal.Messages;

    /// <summary>The REST methods the bot called, in order.</summary>
    public IReadOnlyList<string> Calls => Portal.Calls;

    /// <summary>The services of the bot under test.</summary>
    public IServiceProvider Services => _services;

    /// <summary>The tasks the bot created with tasks.task.add, in order.</summary>
    public IReadOnlyList<RecordedTask> Tasks => Portal.Tasks;

    /// <summary>The REST calls the bot made by name (turn.Rest), with their parameters, in order.</summary>
    public IReadOnlyList<RestCall> RestCalls => Options.Rest.Calls;

    internal RecordingPortal Portal { get; }

    internal KitFiles Files { get; }

    internal HostedBot Bot { get; }

    internal BotTestOptions Options { get; }

    /// <summary>Starts a host for the bot class <typeparamref name="TBot"/>.</summary>
    public static BotTestHost Create<TBot>(Action<BotTestOptions>? configure = null)
        where TBot : IBot
    {
        var options = new BotTestOptions();
        configure?.Invoke(options);
        return new BotTestHost(typeof(TBot), options);
    }

    /// <summary>A private chat between the bot and the user with this id.</summary>
    public Conversation Conversation(int userId = 1) => new(this, userId);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    internal long NextEventId() => Interlocked.Increment(ref _nextEventId);

    /// <summary>Runs one event through the pipeline; a failed turn fails the test with the handler's exception.</summary>
    internal async Task ProcessAsync(BotEvent evt)
    {
        var outcome = await _services.GetRequiredService<TurnPipeline>().ProcessAsync(Bot, evt, CancellationToken.None);
        if (outcome == TurnOutcome.Failed)
        {
            var cause = _failures.TakeLast();
            throw new ConversationAssertionException($"Handling {evt.Type} failed: {cause?.Message}", cause ?? new InvalidOperationException("no exception was logged"));
        }
    }

    /// <summary>
    /// Moves the clock and fires every timer that comes due meanwhile, as the host's scheduler would: the clock stops at
    /// each due time in turn, so a timer armed by an earlier timer's turn (a question asked again after its timeout)
    /// fires within the same wait, and every turn sees the time it would see in production.
    /// </summary>
    internal async Task PassTimeAsync(TimeSpan time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(time, TimeSpan.Zero);
        var end = Clock.GetUtcNow() + time;
        var store = _services.GetRequiredService<ITimerStore>();
        var dispatcher = _services.GetRequiredService<DueTimerDispatcher>();
        for (var rounds = 0; await store.NextDueAsync(CancellationToken.None) is { } due && due <= end; rounds++)
        {
            if (rounds == MaxTimerRounds)
            {
                throw new ConversationAssertionException($"Timers kept coming due within {time}: more than {MaxTimerRounds} fired.");
            }

            Clock.Advance(due > Clock.GetUtcNow() ? due - Clock.GetUtcNow() : TimeSpan.Zero);
            var fired = await dispatcher.DispatchDueAsync(CancellationToken.None);
            await RunInboxAsync();
            if (_failures.TakeLast() is { } cause)
            {
                throw new ConversationAssertionException($"A timer's turn failed: {cause.Message}", cause);
            }

            if (fired == 0)
            {
                break;
            }
        }

        Clock.Advance(end - Clock.GetUtcNow());
    }

    /// <summary>
    /// Runs what the timers (and cron occurrences) put into the in-memory inbox, at once and in order, as the host's
    /// workers would; a failed turn fails the test instead of being retried.
    /// </summary>
    internal async Task RunInboxAsync()
    {
        var inbox = _services.GetRequiredService<IInboxStore>();
        var pipeline = _services.GetRequiredService<TurnPipeline>();
        while (await inbox.ClaimAsync(Bot.Portal.Key, Clock.GetUtcNow(), InboxLease, 100, CancellationToken.None) is { Count: > 0 } claims)
        {
            foreach (var claim in claims)
            {
                var result = await pipeline.RunAsync(Bot, InboxEventReader.Read(claim.Item, Bot), CancellationToken.None);
                if (result.Outcome == TurnOutcome.Failed)
                {
                    _failures.TakeLast();
                    var cause = result.Failure ?? new InvalidOperationException("no exception was logged");
                    throw new ConversationAssertionException($"A timer's turn failed: {cause.Message}", cause);
                }

                await inbox.AckAsync(claim, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// The administrator decides on <paramref name="method"/>: the portal answers it from now on accordingly, and the
    /// decision reaches the dialogs waiting for it as the host hands ONAPPMETHODCONFIRM out, through their inboxes.
    /// </summary>
    internal async Task DecideAsync(string method, bool allow)
    {
        Portal.Confirmations.Decide(method, allow);
        await _services.GetRequiredService<MethodConfirmDelivery>().DeliverAsync(Bot.Portal.Key, method, allow, Options.Language, CancellationToken.None);
        await RunInboxAsync();
    }

    internal Task<VersionedState?> LoadStateAsync(string dialogId) =>
        _services.GetRequiredService<IDialogStateStore>().LoadAsync(new DialogKey(Bot.Portal.Key, Bot.BotId, dialogId), CancellationToken.None);

    private static HostedBot CreateBot(IServiceProvider services, Type botType, int botId)
    {
        var definition = BotCatalog.Create(services, [botType]).Definitions.Single();
        var portal = new PortalConnection(new Uri("https://kit.bitrix24.test/rest/1/kit/"), new NoHttpClients());
        var bot = new HostedBot(definition, new BotSettings(), "kit-token", portal);
        var commandIds = definition.Commands.Select((c, i) => (c.Name, Id: 200 + i)).ToDictionary(c => c.Name, c => c.Id);
        bot.Use(new BotRegistration { BotId = botId, WebhookSecret = "kit", CommandIds = commandIds });
        bot.MarkReady();
        return bot;
    }

    private static IConfiguration BotSettingsOf(string code, BotTestOptions options) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(options.Settings.Select(s =>
                new KeyValuePair<string, string?>($"{ChatBotHostOptions.SectionName}:Bots:{code}:{s.Key}", s.Value)))
            .Build();
}
