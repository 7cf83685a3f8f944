namespace ChatBotHost.State;

/// <summary>The dead-letter list of each portal, newest first, capped so a flood of failures cannot fill Redis.</summary>
public interface IDeadLetterStore
{
    /// <summary>Adds a letter and returns the id it was given.</summary>
    Task<string> AddAsync(DeadLetter letter, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> letters of the portal, newest first.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(string portal, int max, CancellationToken cancellationToken);

    /// <summary>Removes a letter (after a replay); false when there is none with that id.</summary>
    Task<bool> RemoveAsync(string portal, string id, CancellationToken cancellationToken);

    /// <summary>How many letters the portal has.</summary>
    Task<long> CountAsync(string portal, CancellationToken cancellationToken);
}
