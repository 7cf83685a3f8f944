using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Pipeline.Stages;

/// <summary>Runs the middleware a bot declared with <c>Use&lt;T&gt;()</c>, in declaration order, around its handlers.</summary>
internal sealed class BotMiddlewareStage : ITurnStage
{
    public Task InvokeAsync(TurnContext turn, TurnStep next, CancellationToken cancellationToken)
    {
        var declared = turn.Definition.Middleware;
        if (declared.Count == 0)
        {
            return next(turn, cancellationToken);
        }

        TurnDelegate chain = (_, ct) => next(turn, ct);
        for (var i = declared.Count - 1; i >= 0; i--)
        {
            var middleware = (IBotMiddleware)ActivatorUtilities.GetServiceOrCreateInstance(turn.Services, declared[i]);
            var inner = chain;
            chain = (context, ct) => middleware.InvokeAsync(context, inner, ct);
        }

        return chain(turn, cancellationToken);
    }
}
