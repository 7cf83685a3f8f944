namespace ChatBotHost.State;

/// <summary>A stored JSON document and the version it was saved with (1 for the first save).</summary>
public sealed record VersionedState(string Json, long Version);
