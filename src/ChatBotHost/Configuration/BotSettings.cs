namespace ChatBotHost.Configuration;

/// <summary>ChatBotHost:Bots:{code}.</summary>
public sealed class BotSettings
{
    /// <summary>The botToken the bot is registered with (at most 40 characters); required with a real portal.</summary>
    public string? BotToken { get; set; }

    /// <summary>How events reach the host.</summary>
    public EventMode EventMode { get; set; } = EventMode.Fetch;

    /// <summary>A disabled bot is neither registered nor polled.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Also receive the ONIMV2* events of the portal user the host calls as (fetch mode only): the host subscribes
    /// (im.v2.Event.subscribe, scope im) and polls with withUserEvents.
    /// </summary>
    public bool WithUserEvents { get; set; }
}
