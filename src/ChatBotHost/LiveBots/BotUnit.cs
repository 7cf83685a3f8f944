namespace ChatBotHost.LiveBots;

/// <summary>
/// One compilation unit of the bots folder: a top-level .cs file, a folder of sources, or a prebuilt .dll.
/// <see cref="Version"/> is a hash of what the unit is made of, so two replicas with the same files agree on it.
/// </summary>
internal sealed record BotUnit(string Name, bool Prebuilt, IReadOnlyList<string> Files, string Version);
