namespace ChatBotHost.State;

/// <summary>Remembers which events were handled, so a repeated delivery is dropped.</summary>
public interface IDeduplicationStore
{
    /// <summary>True when the event with this key was marked handled and the mark has not expired.</summary>
    Task<bool> IsHandledAsync(string portal, int botId, string eventKey, CancellationToken cancellationToken);

    /// <summary>Marks the event handled for <paramref name="retention"/>.</summary>
    Task MarkHandledAsync(string portal, int botId, string eventKey, TimeSpan retention, CancellationToken cancellationToken);
}
