using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.App;

/// <summary>user.admin: whether the user the call's credentials act as is an administrator of the portal.</summary>
public sealed record UserAdminRequest : BitrixRequest<bool>
{
    /// <inheritdoc />
    public override string Method => "user.admin";
}
