using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Revision;

/// <summary>imbot.v2.Revision.get: the portal's API revisions; no bot and no botToken needed.</summary>
public sealed record RevisionGetRequest : BitrixRequest<RevisionGetResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Revision.get";
}
