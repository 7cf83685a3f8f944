namespace ChatBotHost.Testing;

/// <summary>
/// How the test kit's portal treats methods beyond the chat: which ones the administrator must allow first. Such a method
/// answers METHOD_CONFIRM_WAITING until <see cref="Conversation.AdministratorDecides"/>; then it succeeds (allowed) or
/// answers METHOD_CONFIRM_DENIED.
/// </summary>
public sealed class PortalMethods
{
    private readonly HashSet<string> _confirmed = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The methods that need the administrator's confirmation.</summary>
    public IReadOnlyCollection<string> NeedingConfirmation => _confirmed;

    /// <summary>Makes <paramref name="method"/> (e.g. tasks.task.add) wait for the administrator's confirmation.</summary>
    public PortalMethods RequireConfirmation(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        _confirmed.Add(method);
        return this;
    }
}
