using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.App;

/// <summary>event.bind: subscribes the application's handler to an application event such as ONAPPUNINSTALL (OAuth only).</summary>
public sealed record EventBindRequest : BitrixRequest<bool>
{
    /// <inheritdoc />
    public override string Method => "event.bind";

    /// <summary>The event name, e.g. ONAPPUNINSTALL.</summary>
    public required string Event { get; init; }

    /// <summary>The absolute URL Bitrix24 POSTs the event to.</summary>
    public required string Handler { get; init; }
}
