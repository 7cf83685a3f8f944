namespace ChatBotHost.State;

/// <summary>Per-dialog state documents with compare-and-set saves, so that no concurrent update is silently lost.</summary>
public interface IDialogStateStore
{
    /// <summary>The stored document, or null when the dialog has none.</summary>
    Task<VersionedState?> LoadAsync(DialogKey key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the document if the stored version still equals <paramref name="expectedVersion"/> (0: nothing stored yet);
    /// the new version is expectedVersion + 1. Returns false, and changes nothing, when someone else saved first.
    /// </summary>
    Task<bool> TrySaveAsync(DialogKey key, string json, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Forgets the dialog's state.</summary>
    Task DeleteAsync(DialogKey key, CancellationToken cancellationToken);
}
