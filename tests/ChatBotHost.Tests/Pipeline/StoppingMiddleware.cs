using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Tests.Pipeline;

/// <summary>Ends every turn without calling the rest of the pipeline.</summary>
public sealed class StoppingMiddleware(TurnLog log) : IBotMiddleware
{
    public Task InvokeAsync(ITurnContext turn, TurnDelegate next, CancellationToken cancellationToken)
    {
        log.Add("stop");
        return Task.CompletedTask;
    }
}
