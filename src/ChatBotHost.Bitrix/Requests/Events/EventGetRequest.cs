namespace ChatBotHost.Bitrix.Requests.Events;

/// <summary>imbot.v2.Event.get: the bot's pending events (fetch mode); the offset acknowledges every event below it.</summary>
public sealed record EventGetRequest : BotRequest<EventGetResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Event.get";

    /// <summary>The previous call's nextOffset, confirming every event below it; omit on the very first call.</summary>
    public long? Offset { get; init; }

    /// <summary>1–1000 (server default 100).</summary>
    public int? Limit { get; init; }

    /// <summary>Also deliver the calling user's ONIMV2* events (needs scope im and im.v2.Event.subscribe).</summary>
    public bool? WithUserEvents { get; init; }
}
