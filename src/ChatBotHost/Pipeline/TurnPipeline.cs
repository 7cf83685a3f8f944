using ChatBotHost.Bitrix.Events;
using ChatBotHost.Confirmation;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.Operations.Metrics;
using ChatBotHost.Pipeline.Stages;

namespace ChatBotHost.Pipeline;

/// <summary>
/// Runs every event, from either intake or a timer, through the same stages. The order is this list and nowhere else:
/// errors are caught outermost; the log scope covers everything; the dialog lock is taken before the duplicate
/// check and before state is loaded, so two deliveries of one event, or two events of one dialog, never interleave;
/// the bot's middleware sees every event, including those a running dialog then takes before the routes.
/// </summary>
internal sealed class TurnPipeline
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TurnStep _pipeline;
    private readonly HostMetrics? _metrics;

    public TurnPipeline(IServiceProvider services, IServiceScopeFactory scopes)
    {
        _scopes = scopes;
        _metrics = services.GetService<HostMetrics>();
        Type[] order =
        [
            typeof(ErrorHandlingStage),
            typeof(LogScopeStage),
            typeof(DialogLockStage),
            typeof(DeduplicationStage),
            typeof(AwaitingConfirmationStage),
            typeof(StateCommitStage),
            typeof(CultureStage),
            typeof(BotMiddlewareStage),
            typeof(DialogStage),
        ];
        TurnStep next = services.GetRequiredService<RouterStage>().RouteAsync;
        foreach (var stageType in order.Reverse())
        {
            var stage = (ITurnStage)services.GetRequiredService(stageType);
            var inner = next;
            next = (turn, ct) => stage.InvokeAsync(turn, inner, ct);
        }

        _pipeline = next;
    }

    /// <summary>Handles one event for one bot and says what became of it; never throws but for cancellation.</summary>
    public async Task<TurnOutcome> ProcessAsync(HostedBot bot, BotEvent evt, CancellationToken cancellationToken) =>
        (await RunAsync(bot, evt, cancellationToken)).Outcome;

    /// <summary>
    /// Handles one event for one bot; a failed turn's result carries the exception that failed it.
    /// <paramref name="heldByInboxClaim"/>: the caller holds the dialog's inbox claim, which serialises it across replicas.
    /// </summary>
    public async Task<TurnResult> RunAsync(HostedBot bot, BotEvent evt, CancellationToken cancellationToken, bool heldByInboxClaim = false)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = _scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TurnScope>().Bot = bot;
        var turn = new TurnContext(bot, evt, scope.ServiceProvider) { HeldByInboxClaim = heldByInboxClaim };
        await _pipeline(turn, cancellationToken);
        var outcome = turn.Outcome == TurnOutcome.Pending ? TurnOutcome.StoppedByMiddleware : turn.Outcome;
        _metrics?.TurnHandled(bot.Code, evt.Type, outcome.ToString(), System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return new TurnResult(outcome, turn.Failure);
    }

    /// <summary>Registers the stages, and the outbox the turns send through, in dependency injection.</summary>
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<ErrorHandlingStage>();
        services.AddSingleton<LogScopeStage>();
        services.AddSingleton<DialogLockStage>();
        services.AddSingleton<DeduplicationStage>();
        services.AddSingleton<AwaitingConfirmationStage>();
        services.AddMethodConfirmWaits();
        services.AddSingleton<StateCommitStage>();
        services.AddSingleton<CultureStage>();
        services.AddSingleton<BotMiddlewareStage>();
        services.AddSingleton<DialogStage>();
        services.AddSingleton<RouterStage>();
        services.AddSingleton<InProcessLocks>();
        services.AddSingleton<DialogLocks>();
        services.AddSingleton(DialogLockOptions.Default);
        services.AddSingleton<TurnPipeline>();
        TurnScope.Register(services);

        // A turn's replies and other calls go through the outbox.
        services.AddSendQueue();
    }
}
