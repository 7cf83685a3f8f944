using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Tests.Pipeline;

/// <summary>Records when it runs before and after the rest of the turn.</summary>
public sealed class OuterMiddleware(TurnLog log) : IBotMiddleware
{
    public async Task InvokeAsync(ITurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        log.Add("outer:before");
        await next(turn, cancellationToken);
        log.Add("outer:after");
    }
}
