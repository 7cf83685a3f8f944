namespace ChatBotHost.Pipeline.Stages;

/// <summary>Puts the event's identity on every log line written while it is handled.</summary>
internal sealed class LogScopeStage(ILogger<LogScopeStage> logger) : ITurnStage
{
    public async Task InvokeAsync(TurnContext turn, TurnStep next, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["Bot"] = turn.HostedBot.Code,
            ["Portal"] = turn.HostedBot.Portal.Key,
            ["EventType"] = turn.Event.Type,
            ["EventId"] = turn.Event.EventId,
            ["DialogId"] = turn.DialogId,
            ["Source"] = turn.Event.Source,
        });
        await next(turn, cancellationToken);
    }
}
