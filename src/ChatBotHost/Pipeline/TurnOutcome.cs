namespace ChatBotHost.Pipeline;

/// <summary>What became of an event.</summary>
internal enum TurnOutcome
{
    /// <summary>Still in the pipeline.</summary>
    Pending,

    /// <summary>A middleware ended the turn without calling the rest of the pipeline.</summary>
    StoppedByMiddleware,

    /// <summary>A handler ran to completion.</summary>
    Handled,

    /// <summary>No route matched; acknowledged and logged.</summary>
    Unhandled,

    /// <summary>Seen before; dropped.</summary>
    Duplicate,

    /// <summary>A handler or the host failed; logged.</summary>
    Failed,

    /// <summary>A call of the handler waits for the portal administrator's confirmation (METHOD_CONFIRM_WAITING); not a failure.</summary>
    AwaitingConfirmation,
}
