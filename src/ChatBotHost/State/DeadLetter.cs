namespace ChatBotHost.State;

/// <summary>
/// Work the host gave up on, kept with the reason so an operator can inspect and replay it: a REST call the portal
/// refused for good (ACCESS_DENIED, EMPTY_MESSAGE, …) or an event whose turn kept failing.
/// </summary>
public sealed record DeadLetter
{
    /// <summary>Assigned by the store when the letter is added.</summary>
    public string Id { get; init; } = "";

    /// <summary>The portal key.</summary>
    public required string Portal { get; init; }

    /// <summary>The bot the work belonged to.</summary>
    public required string BotCode { get; init; }

    /// <summary>What was given up: <see cref="Kinds.Call"/> or <see cref="Kinds.Event"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The dialog, when the work belonged to one.</summary>
    public string? DialogId { get; init; }

    /// <summary>Why: the portal's error code and description, or the handler's exception.</summary>
    public required string Reason { get; init; }

    /// <summary>When it was given up.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The work itself as JSON (the call's method and parameters, or the stored event), without secrets.</summary>
    public required string Payload { get; init; }

    /// <summary>The kinds of dead letters.</summary>
    public static class Kinds
    {
        /// <summary>A REST call.</summary>
        public const string Call = "call";

        /// <summary>An inbound event.</summary>
        public const string Event = "event";
    }
}
