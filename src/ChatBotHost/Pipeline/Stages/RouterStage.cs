using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.Pipeline.Stages;

/// <summary>The end of the pipeline: the bot's first route that matches the event handles it.</summary>
internal sealed partial class RouterStage(ILogger<RouterStage> logger)
{
    public async Task RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var route = turn.Definition.Routes.FirstOrDefault(r => r.Matches(turn.Event));
        if (route is null)
        {
            turn.Outcome = TurnOutcome.Unhandled;
            if (IsOptional(turn.Event))
            {
                LogNotSubscribed(logger, turn.Event.Type, turn.HostedBot.Code);
            }
            else
            {
                LogUnhandled(logger, turn.Event.Type, turn.HostedBot.Code);
            }

            return;
        }

        await route.Handler(turn.Event, turn, cancellationToken);
        turn.Outcome = TurnOutcome.Handled;
    }

    /// <summary>
    /// Events the portal sends every bot whether or not it cares (it joined a chat, a message was edited, deleted or
    /// reacted to, a context link was followed, it was deleted): a bot without a route for them chose not to handle
    /// them, so nobody needs to hear about it. What stays loud is what a user expects an answer to (a message, a
    /// command), a timer the bot set itself and an event type the host does not know.
    /// </summary>
    private static bool IsOptional(BotEvent evt) =>
        evt is BotJoinedChat or MessageUpdated or MessageDeleted or ReactionChanged or ContextRequested or BotDeleted
            or UserMessageAdded or UserMessageUpdated or UserMessageDeleted or UserReactionChanged or UserJoinedChat;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No handler of bot {Bot} takes {EventType}; the event is acknowledged unhandled")]
    private static partial void LogUnhandled(ILogger logger, string eventType, string bot);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Bot {Bot} does not handle {EventType}; the event is acknowledged")]
    private static partial void LogNotSubscribed(ILogger logger, string eventType, string bot);
}
