namespace ChatBotHost.Configuration;

/// <summary>ChatBotHost:Redis.</summary>
public sealed class RedisOptions
{
    /// <summary>A StackExchange.Redis configuration string; empty keeps state in memory.</summary>
    public string? Configuration { get; set; }
}
