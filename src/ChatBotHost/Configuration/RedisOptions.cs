namespace ChatBotHost.Configuration;

/// <summary>ChatBotHost:Redis.</summary>
public sealed class RedisOptions
{
    /// <summary>A StackExchange.Redis configuration string; empty keeps state in memory.</summary>
    public string? Configuration { get; set; }

    /// <summary>
    /// How many replicas must have an event (Redis WAIT) before it is acknowledged to Bitrix24 (webhook 200, fetch
    /// offset); 0 acknowledges once the primary has it. Replication is asynchronous, so without this a primary that dies
    /// takes the writes it had not yet sent to its replica with it, after they were acknowledged.
    /// </summary>
    public int WaitForReplicas { get; set; }

    /// <summary>How long the WAIT may take; fewer replicas by then and the events are not acknowledged.</summary>
    public TimeSpan WaitForReplicasTimeout { get; set; } = TimeSpan.FromMilliseconds(500);
}
