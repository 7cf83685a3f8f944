namespace ChatBotHost.Rest;

/// <summary>
/// Which REST methods only read. Everything else is an effect (add, update, delete, send, confirm, …), and an effect
/// called from a turn gets an idempotency key, so a turn that runs again does not do it twice. Reading calls are never
/// keyed: repeating them is harmless and their answer may rightly change between runs.
/// </summary>
internal static class RestMethodKinds
{
    // The last segment of the name: crm.lead.list, tasks.task.get, user.current, crm.lead.fields, im.notify.history.search.
    private static readonly HashSet<string> ReadingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "get", "list", "getlist", "getContext", "current", "search", "fields", "count", "info", "admin", "access", "download",
    };

    // Whole names whose last segment says nothing.
    private static readonly HashSet<string> ReadingMethods = new(StringComparer.OrdinalIgnoreCase)
    {
        "profile", "methods", "method.get", "scope", "feature.get", "server.time", "app.option.get", "user.option.get",
        "imbot.v2.Revision.get",
        // The typing indicator is refreshed from a background loop whose timing varies: keying it would shift the
        // ordinals of the calls that matter (the host's own calls make the same exception).
        "imbot.v2.Chat.InputAction.notify",
    };

    /// <summary>Whether a repeated turn must not make the call twice (it is not a known read).</summary>
    public static bool HasEffect(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var verb = method[(method.LastIndexOf('.') + 1)..];
        return !ReadingVerbs.Contains(verb) && !ReadingMethods.Contains(method);
    }
}
