namespace ChatBotHost.Pipeline.Stages;

/// <summary>Lets one event per dialog through at a time, so a dialog's turns never interleave on any replica.</summary>
internal sealed class DialogLockStage(DialogLocks locks) : ITurnStage
{
    public async Task InvokeAsync(TurnContext turn, TurnStep next, CancellationToken cancellationToken)
    {
        var name = DialogLocks.NameOf(turn.HostedBot.Portal.Key, turn.HostedBot.Code, turn.DialogId);
        // A turn run from the inbox already holds the dialog's claim, which no other replica can take while it is renewed;
        // a second, Redis lease would only cost three more round trips per turn. Other callers (cron jobs) take the lease.
        await using var held = await locks.AcquireAsync(name, turn.HeldByInboxClaim, cancellationToken);
        // A lost lease cancels the rest of the turn: another replica may be running this dialog now.
        using var turnToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.Lost);
        await next(turn, turnToken.Token);
    }
}
