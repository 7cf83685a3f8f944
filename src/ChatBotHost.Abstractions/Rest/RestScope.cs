namespace ChatBotHost.Abstractions.Rest;

/// <summary>Who calls outside a turn, and under which idempotency scope.</summary>
public sealed record RestScope
{
    /// <summary>
    /// Makes effects idempotent: each call with an effect is keyed "{scope}#{ordinal}:{method}", so a job that runs again
    /// with the same scope (its id and occurrence, say) gets the recorded results of calls it already made (kept three
    /// days). Null: effects are not keyed, and a repeated job repeats them.
    /// </summary>
    public string? IdempotencyScope { get; init; }

    /// <summary>
    /// The bot the calls act as (its botToken with webhook auth; imbot.v2 methods fill in its botId). Null: the first
    /// enabled bot of the portal by code. Calls wait until that bot is registered.
    /// </summary>
    public string? BotCode { get; init; }
}
