namespace ChatBotHost.Pipeline.Stages;

/// <summary>Lets one event per dialog through at a time, so a dialog's turns never interleave on this host.</summary>
internal sealed class DialogLockStage(DialogLocks locks) : ITurnStage
{
    public async Task InvokeAsync(TurnContext turn, TurnStep next, CancellationToken cancellationToken)
    {
        // Events outside any dialog (the bot was deleted) still serialize per bot.
        var key = $"{turn.HostedBot.Portal.Key}/{turn.HostedBot.Code}/{turn.DialogId ?? "-"}";
        using (await locks.AcquireAsync(key, cancellationToken))
        {
            await next(turn, cancellationToken);
        }
    }
}
