namespace ChatBotHost.State;

/// <summary>What backs the state stores, for the host to log at start-up and show on the health endpoint.</summary>
public sealed record StateStoreInfo(StateStoreKind Kind, string Description)
{
    /// <summary>True when state survives a restart of the host.</summary>
    public bool IsDurable => Kind == StateStoreKind.Redis;
}
