namespace ChatBotHost.Bitrix.Requests.Notify;

/// <summary>im.notify.system.add (scope im): sends a system notification (no author) to a user.</summary>
public sealed record ImNotifySystemAddRequest : ImNotifyAddRequest
{
    /// <inheritdoc />
    public override string Method => "im.notify.system.add";
}
