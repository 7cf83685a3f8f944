namespace ChatBotHost.Pipeline.Stages;

/// <summary>The end of the pipeline: the bot's first route that matches the event handles it.</summary>
internal sealed partial class RouterStage(ILogger<RouterStage> logger)
{
    public async Task RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var route = turn.HostedBot.Definition.Routes.FirstOrDefault(r => r.Matches(turn.Event));
        if (route is null)
        {
            turn.Outcome = TurnOutcome.Unhandled;
            LogUnhandled(logger, turn.Event.Type, turn.HostedBot.Code);
            return;
        }

        await route.Handler(turn.Event, turn, cancellationToken);
        turn.Outcome = TurnOutcome.Handled;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No handler of bot {Bot} takes {EventType}; the event is acknowledged unhandled")]
    private static partial void LogUnhandled(ILogger logger, string eventType, string bot);
}
