namespace ChatBotHost.State;

/// <summary>Which implementation backs the state stores.</summary>
public enum StateStoreKind
{
    /// <summary>Process memory: everything is lost on restart; one host replica only.</summary>
    InMemory,

    /// <summary>Redis: survives restarts and is shared by all host replicas.</summary>
    Redis,
}
