namespace ChatBotHost.Testing;

/// <summary>
/// How the test kit's portal treats methods beyond the chat: which ones the administrator must allow first. Such a method
/// answers METHOD_CONFIRM_WAITING until <see cref="Conversation.AdministratorDecides"/>; then it succeeds (allowed) or
/// answers METHOD_CONFIRM_DENIED.
/// </summary>
public sealed class PortalMethods
{
    private readonly HashSet<string> _confirmed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, (string Error, int Status)> _refused = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The methods that need the administrator's confirmation.</summary>
    public IReadOnlyCollection<string> NeedingConfirmation => _confirmed;

    /// <summary>The methods the portal refuses, with the error code and HTTP status it answers.</summary>
    public IReadOnlyDictionary<string, (string Error, int Status)> Refused => _refused;

    /// <summary>Makes the portal answer every call of <paramref name="method"/> with this error (e.g. insufficient_scope, 403).</summary>
    public PortalMethods Refuse(string method, string error, int status = 400)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        _refused[method] = (error, status);
        return this;
    }

    /// <summary>Makes <paramref name="method"/> (e.g. tasks.task.add) wait for the administrator's confirmation.</summary>
    public PortalMethods RequireConfirmation(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        _confirmed.Add(method);
        return this;
    }
}
