namespace ChatBotHost.State;

/// <summary>Bot registrations per portal and bot code.</summary>
public interface IBotRegistrationStore
{
    /// <summary>The stored registration, or null when the bot was never registered from this host.</summary>
    Task<BotRegistration?> GetAsync(string portal, string botCode, CancellationToken cancellationToken);

    /// <summary>Stores (replaces) the registration.</summary>
    Task SaveAsync(string portal, string botCode, BotRegistration registration, CancellationToken cancellationToken);

    /// <summary>
    /// Learns a webhook bot's application_token once (compare-and-set): stores <paramref name="applicationToken"/> in the
    /// registration of bot <paramref name="botId"/> unless that registration holds one already, so the first token
    /// stored wins on every replica. Returns the registration as stored afterwards (the token in it is the winner), or
    /// null when no registration is stored; a registration of another bot id is returned unchanged.
    /// </summary>
    Task<BotRegistration?> LearnApplicationTokenAsync(string portal, string botCode, int botId, string applicationToken, CancellationToken cancellationToken);

    /// <summary>Forgets the registration.</summary>
    Task DeleteAsync(string portal, string botCode, CancellationToken cancellationToken);
}
