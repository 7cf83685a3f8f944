using ChatBotHost.State;

namespace ChatBotHost.Inbox;

/// <summary>
/// Removes the secrets a queued event carries before it is shown to anyone, e.g. in a dead letter: the webhook
/// body's <c>auth</c> blocks (application_token, the bot's OAuth tokens), and the same in a fetched event's JSON, and
/// any access_token, refresh_token or application_token at any depth. The event stays decodable: no decoder needs them.
/// </summary>
internal static class EventPayloadScrubber
{
    public static InboxItem WithoutSecrets(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item with { Payload = WithoutSecrets(item.Payload) };
    }

    /// <summary>A form body or a JSON document (webhook bodies are either; fetched events and timers are JSON).</summary>
    public static string WithoutSecrets(string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var start = payload.AsSpan().TrimStart().TrimStart('\uFEFF');
        return start.StartsWith("{", StringComparison.Ordinal) || start.StartsWith("[", StringComparison.Ordinal)
            ? JsonSecretScrubber.WithoutSecrets(payload.TrimStart())
            : FormSecretScrubber.WithoutSecrets(payload);
    }
}
