namespace ChatBotHost.Emulator.Delivery;

/// <summary>The ONIMV2* user event types (spec §4.9) the emulator records.</summary>
internal static class UserEventTypes
{
    public const string MessageAdd = "ONIMV2MESSAGEADD";
    public const string MessageUpdate = "ONIMV2MESSAGEUPDATE";
    public const string MessageDelete = "ONIMV2MESSAGEDELETE";
    public const string ReactionChange = "ONIMV2REACTIONCHANGE";
}
