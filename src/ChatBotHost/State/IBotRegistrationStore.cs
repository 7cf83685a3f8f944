namespace ChatBotHost.State;

/// <summary>Bot registrations per portal and bot code.</summary>
public interface IBotRegistrationStore
{
    /// <summary>The stored registration, or null when the bot was never registered from this host.</summary>
    Task<BotRegistration?> GetAsync(string portal, string botCode, CancellationToken cancellationToken);

    /// <summary>Stores (replaces) the registration.</summary>
    Task SaveAsync(string portal, string botCode, BotRegistration registration, CancellationToken cancellationToken);

    /// <summary>Forgets the registration.</summary>
    Task DeleteAsync(string portal, string botCode, CancellationToken cancellationToken);
}
