namespace ChatBotHost.State;

/// <summary>The fetch-mode position (Event.get nextOffset) of each bot; it only moves forward.</summary>
public interface IOffsetStore
{
    /// <summary>The stored offset, or null before the first Event.get.</summary>
    Task<long?> GetAsync(string portal, string botCode, CancellationToken cancellationToken);

    /// <summary>Stores the offset unless a larger one is stored already (a late writer never moves it back).</summary>
    Task AdvanceAsync(string portal, string botCode, long offset, CancellationToken cancellationToken);
}
