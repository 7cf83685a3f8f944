namespace ChatBotHost.Delivery;

/// <summary>What the outbox needs to know about a REST method by its name.</summary>
internal static class CallKinds
{
    // Mirrors BatchRequest's own list (spec §2.5, §4.7): these go to the portal as plain calls.
    private static readonly string[] NotInBatch = ["batch", "imbot.v2.File.upload", "imbot.v2.File.download"];

    // Reading calls: repeating them is harmless and their answer may rightly change between attempts.
    private static readonly string[] ReadingVerbs = ["get", "list", "getContext", "download"];

    private const string TypingIndicator = "imbot.v2.Chat.InputAction.notify";

    /// <summary>Whether the method may travel inside a batch.</summary>
    public static bool MayBatch(string method) => !NotInBatch.Contains(method, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Whether a repeated turn must not make the call twice, so it gets an idempotency key: everything but reads and
    /// the typing indicator. The typing indicator is also refreshed from a background loop whose timing varies, so
    /// keying it would shift the ordinals of the calls that matter.
    /// </summary>
    public static bool HasEffect(string method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var verb = method[(method.LastIndexOf('.') + 1)..];
        return !ReadingVerbs.Contains(verb, StringComparer.OrdinalIgnoreCase)
            && !string.Equals(method, TypingIndicator, StringComparison.OrdinalIgnoreCase);
    }
}
