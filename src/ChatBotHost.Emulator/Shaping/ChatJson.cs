using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal.State;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>The Chat entity (spec §5.5) as a bot sees it: in a private chat the dialogId is the user's id.</summary>
internal static class ChatJson
{
    /// <summary>The subset events carry.</summary>
    public static JsonObject ForEvent(ChatState chat) => new()
    {
        ["id"] = chat.Id,
        ["dialogId"] = chat.BotDialogId,
        ["type"] = TypeOf(chat),
        ["name"] = chat.Title,
        ["entityType"] = "",
        ["owner"] = chat.OwnerId,
        ["avatar"] = "",
        ["color"] = chat.Color,
    };

    /// <summary>The full form Chat.get and Chat.add answer with.</summary>
    public static JsonObject Full(ChatState chat, int viewerId, PortalState state)
    {
        var messages = state.Messages.Values.Where(m => m.ChatId == chat.Id).ToList();
        var lastId = messages.Count == 0 ? 0 : messages[^1].Id;
        var json = ForEvent(chat);
        json["messageType"] = chat.IsPrivate ? "P" : "C";
        json["description"] = chat.Description;
        json["extranet"] = false;
        json["role"] = !chat.HasMember(viewerId) ? "none" : chat.OwnerId == viewerId ? "owner" : "member";
        json["containsCollaber"] = false;
        json["muteList"] = new JsonArray();
        json["entityId"] = "";
        json["entityData1"] = "";
        json["entityData2"] = "";
        json["entityData3"] = "";
        json["entityLink"] = PhpJson.EmptyMap();
        json["diskFolderId"] = null;
        json["permissions"] = PhpJson.EmptyMap();
        json["parentChatId"] = null;
        json["parentMessageId"] = null;
        json["isNew"] = false;
        json["textFieldEnabled"] = chat.TextFieldEnabled ? "Y" : "N";
        json["backgroundId"] = null;
        json["dateCreate"] = WireDate.Format(chat.Created);
        json["lastMessageId"] = lastId;
        json["lastId"] = lastId;
        json["managerList"] = new JsonArray();
        json["messageCount"] = messages.Count;
        json["userCounter"] = chat.Members.Count;
        json["unreadId"] = 0;
        json["lastMessageViews"] = "";
        json["markedId"] = 0;
        json["public"] = "";
        return json;
    }

    private static string TypeOf(ChatState chat) => chat.IsPrivate ? "private" : "chat";
}
