namespace ChatBotHost.Emulator.Portal.State;

/// <summary>Lookups for the simulation API that fail loudly: a test that drives an impossible action has a bug.</summary>
internal static class Require
{
    public static EmulatedUser Human(PortalState state, int userId) =>
        state.FindUser(userId) is { IsBot: false } user
            ? user
            : throw new ArgumentException($"User {userId} does not exist or is a bot.", nameof(userId));

    public static BotState Bot(PortalState state, int botId) =>
        state.FindBot(botId) ?? throw new ArgumentException($"Bot {botId} is not registered.", nameof(botId));

    public static EmulatedMessage Message(PortalState state, int messageId) =>
        state.FindMessage(messageId) ?? throw new ArgumentException($"Message {messageId} does not exist.", nameof(messageId));

    public static ChatState Chat(PortalState state, int chatId) =>
        state.FindChat(chatId) ?? throw new ArgumentException($"Chat {chatId} does not exist.", nameof(chatId));

    public static void Member(ChatState chat, int userId)
    {
        if (!chat.HasMember(userId))
        {
            throw new InvalidOperationException($"User {userId} is not a member of chat {chat.Id}.");
        }
    }
}
