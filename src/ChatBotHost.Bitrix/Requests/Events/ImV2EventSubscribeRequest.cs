using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Events;

/// <summary>
/// im.v2.Event.subscribe (scope im): records the calling user's ONIMV2* events, which Event.get with withUserEvents
/// then delivers in the bot's queue. Idempotent; answers true.
/// </summary>
public sealed record ImV2EventSubscribeRequest : BitrixRequest<bool>
{
    /// <inheritdoc />
    public override string Method => "im.v2.Event.subscribe";
}
