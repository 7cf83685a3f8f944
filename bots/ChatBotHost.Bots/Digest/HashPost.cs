namespace ChatBotHost.Bots.Digest;

/// <summary>What the background hash needs from the turn, taken before the turn ends.</summary>
internal sealed record HashPost(string BotCode, string DialogId, int FileId, string Name, byte[] Content);
