namespace ChatBotHost.Bitrix.Events;

/// <summary>The transport an event arrived by.</summary>
public enum EventSource
{
    /// <summary>Polled with imbot.v2.Event.get.</summary>
    Fetch,

    /// <summary>Posted by Bitrix24 to the bot's webhookUrl.</summary>
    Webhook,

    /// <summary>Raised inside the host (timers, scheduled jobs).</summary>
    Internal,
}
