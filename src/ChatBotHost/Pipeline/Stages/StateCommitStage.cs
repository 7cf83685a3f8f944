namespace ChatBotHost.Pipeline.Stages;

/// <summary>Saves the dialog state a handler changed, once, after the handler returned.</summary>
internal sealed class StateCommitStage : ITurnStage
{
    public async Task InvokeAsync(TurnContext turn, TurnStep next, CancellationToken cancellationToken)
    {
        await next(turn, cancellationToken);
        if (turn.StateIfLoaded is { } state)
        {
            await state.CommitAsync(cancellationToken);
        }
    }
}
