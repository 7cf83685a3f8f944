namespace ChatBotHost.Abstractions.Turns;

/// <summary>
/// Named, typed values kept per dialog (portal, bot, dialog). Reads see the state as it was when the turn began
/// plus this turn's own writes; writes are saved together when the turn ends, with a version check.
/// </summary>
public interface IDialogState
{
    /// <summary>The value stored under the name, or default when there is none.</summary>
    ValueTask<T?> GetAsync<T>(string name, CancellationToken cancellationToken);

    /// <summary>Stores a value (JSON-serialized) under the name.</summary>
    void Set<T>(string name, T value);

    /// <summary>Removes the value stored under the name.</summary>
    void Remove(string name);
}
