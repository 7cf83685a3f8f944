namespace ChatBotHost.Emulator.Delivery;

/// <summary>The ONIMBOTV2* event type names (spec §5.1).</summary>
internal static class EventTypes
{
    public const string MessageAdd = "ONIMBOTV2MESSAGEADD";
    public const string MessageUpdate = "ONIMBOTV2MESSAGEUPDATE";
    public const string MessageDelete = "ONIMBOTV2MESSAGEDELETE";
    public const string JoinChat = "ONIMBOTV2JOINCHAT";
    public const string Delete = "ONIMBOTV2DELETE";
    public const string ContextGet = "ONIMBOTV2CONTEXTGET";
    public const string CommandAdd = "ONIMBOTV2COMMANDADD";
    public const string ReactionChange = "ONIMBOTV2REACTIONCHANGE";
}
