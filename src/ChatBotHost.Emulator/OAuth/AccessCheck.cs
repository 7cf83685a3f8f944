namespace ChatBotHost.Emulator.OAuth;

/// <summary>What the portal thinks of a presented access token.</summary>
internal enum AccessCheck
{
    Unknown,
    Expired,
    Valid,
}
