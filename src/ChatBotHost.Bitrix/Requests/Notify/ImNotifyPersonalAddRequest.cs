namespace ChatBotHost.Bitrix.Requests.Notify;

/// <summary>im.notify.personal.add (scope im): sends a notification to a user on behalf of the user the call acts as.</summary>
public sealed record ImNotifyPersonalAddRequest : ImNotifyAddRequest
{
    /// <inheritdoc />
    public override string Method => "im.notify.personal.add";
}
