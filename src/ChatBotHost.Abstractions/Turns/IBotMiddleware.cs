namespace ChatBotHost.Abstractions.Turns;

/// <summary>Runs around the handling of every event; calls next to continue, or returns to stop the event here.</summary>
public interface IBotMiddleware
{
    /// <summary>Does its work, then (usually) calls the rest of the pipeline.</summary>
    Task InvokeAsync(ITurnContext turn, TurnDelegate next, CancellationToken cancellationToken);
}
