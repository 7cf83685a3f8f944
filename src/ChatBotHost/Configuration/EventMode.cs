namespace ChatBotHost.Configuration;

/// <summary>imbot.v2 eventMode.</summary>
public enum EventMode
{
    /// <summary>The host polls imbot.v2.Event.get.</summary>
    Fetch,

    /// <summary>Bitrix24 posts events to the host.</summary>
    Webhook,
}
