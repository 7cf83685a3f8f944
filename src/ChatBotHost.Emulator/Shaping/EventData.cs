using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>The data of each event type (spec §5.4) without data.bot, which depends on the delivery mode.</summary>
internal static class EventData
{
    public static JsonObject Message(EmulatedMessage message, ChatState chat, EmulatedUser user, string language) => new()
    {
        ["message"] = MessageJson.For(message),
        ["chat"] = ChatJson.ForEvent(chat),
        ["user"] = UserJson.Full(user),
        ["language"] = language,
    };

    public static JsonObject MessageDeleted(int messageId, ChatState chat, EmulatedUser author, string language) => new()
    {
        ["messageId"] = messageId,
        ["chat"] = ChatJson.ForEvent(chat),
        ["user"] = UserJson.Full(author),
        ["language"] = language,
    };

    public static JsonObject Joined(ChatState chat, EmulatedUser user, string language) => new()
    {
        ["dialogId"] = chat.BotDialogId,
        ["chat"] = ChatJson.ForEvent(chat),
        ["user"] = UserJson.Full(user),
        ["language"] = language,
    };

    public static JsonObject Command(
        EmulatedCommand command, string parameters, string context, EmulatedMessage message, ChatState chat,
        EmulatedUser user, string language) => new()
    {
        ["command"] = new JsonObject
        {
            ["id"] = command.Id,
            ["command"] = command.Command,
            ["params"] = parameters,
            ["context"] = context,
        },
        ["message"] = MessageJson.For(message),
        ["chat"] = ChatJson.ForEvent(chat),
        ["user"] = UserJson.Full(user),
        ["language"] = language,
    };

    public static JsonObject Reaction(
        string reaction, bool added, EmulatedMessage message, ChatState chat, EmulatedUser user, string language) => new()
    {
        ["reaction"] = reaction,
        ["action"] = added ? "add" : "delete",
        ["message"] = MessageJson.For(message),
        ["chat"] = ChatJson.ForEvent(chat),
        ["user"] = UserJson.Full(user),
        ["language"] = language,
    };

    public static JsonObject Context(JsonObject context, ChatState chat, EmulatedUser user, string language) => new()
    {
        ["dialogId"] = chat.BotDialogId,
        ["context"] = PhpJson.MapOrEmpty((JsonObject)context.DeepClone()),
        ["chat"] = ChatJson.ForEvent(chat),
        ["user"] = UserJson.Full(user),
        ["language"] = language,
    };
}
