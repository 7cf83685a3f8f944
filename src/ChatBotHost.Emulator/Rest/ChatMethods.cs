using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Delivery;
using ChatBotHost.Emulator.Portal.State;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>imbot.v2.Chat.get/add/leave and Chat.User.list/add (spec §4.2).</summary>
internal static class ChatMethods
{
    private const string Prefix = "imbot.v2.Chat.";
    private const int DefaultUserLimit = 50;
    private const int MaxUserLimit = 200;

    public static IEnumerable<RestMethod> All() =>
    [
        new(Prefix + "get", BotAuth.BotId, Get),
        new(Prefix + "add", BotAuth.BotId, Add),
        new(Prefix + "leave", BotAuth.BotId, Leave),
        new(Prefix + "User.list", BotAuth.BotId, ListUsers),
        new(Prefix + "User.add", BotAuth.BotId, AddUsers),
        .. ChatUiMethods.All(),
    ];

    private static JsonObject Get(RestCall call)
    {
        var chat = DialogAccess.ForBot(call.State, call.Bot, call.Params.String("dialogId"));
        return new JsonObject { ["chat"] = ChatJson.Full(chat, call.Bot.Id, call.State) };
    }

    private static JsonObject Add(RestCall call)
    {
        var (state, bot, fields) = (call.State, call.Bot, call.Fields);
        var members = fields.IntList("userIds").Where(id => state.FindUser(id) is not null).Prepend(bot.Id).ToList();
        var owner = fields.Int("ownerId") is int ownerId && members.Contains(ownerId) ? ownerId : bot.Id;
        var chat = state.CreateGroupChat(fields.String("title") ?? "", owner, members);
        chat.Description = fields.String("description") ?? "";
        if (fields.Text("message") is not null)
        {
            BotPosting.Post(state, bot, chat, MessageContent.Read(fields), system: false, viaCommandAnswer: false);
        }

        return new JsonObject
        {
            ["chat"] = ChatJson.Full(chat, bot.Id, state),
            ["users"] = UsersOf(chat, state, chat.Members.Count),
        };
    }

    private static JsonObject Leave(RestCall call)
    {
        var chat = DialogAccess.ForBot(call.State, call.Bot, call.Params.String("dialogId"));
        if (chat.IsPrivate)
        {
            throw RestException.AccessDenied("A private chat cannot be left");
        }

        chat.Members.Remove(call.Bot.Id);
        return Ok.Result();
    }

    /// <summary>Answers a bare array of users (spec §2.2), ordered by id.</summary>
    private static JsonArray ListUsers(RestCall call)
    {
        var chat = DialogAccess.ForBot(call.State, call.Bot, call.Params.String("dialogId"));
        var limit = Math.Clamp(call.Params.Int("limit") ?? DefaultUserLimit, 1, MaxUserLimit);
        var descending = call.Params.Object("order")?.Values.Any(p =>
            string.Equals(p.Value?.ToString(), "DESC", StringComparison.OrdinalIgnoreCase)) == true;
        var users = UsersOf(chat, call.State, int.MaxValue);
        var ordered = descending ? users.Reverse() : users;
        return [.. ordered.Take(limit).Select(u => u?.DeepClone())];
    }

    /// <summary>The bot must be the chat's admin; unknown ids are skipped; added bots get JOINCHAT.</summary>
    private static JsonObject AddUsers(RestCall call)
    {
        var (state, bot) = (call.State, call.Bot);
        var chat = DialogAccess.ForBot(state, bot, call.Params.String("dialogId"));
        if (chat.IsPrivate || chat.OwnerId != bot.Id)
        {
            throw RestException.AccessDenied("The bot is not an administrator of this chat");
        }

        var adder = state.FindUser(bot.Id)!;
        foreach (var id in call.Params.IntList("userIds").Where(id => state.FindUser(id) is not null && !chat.HasMember(id)))
        {
            chat.AddMember(id);
            if (state.FindBot(id) is { } added)
            {
                _ = EventPublisher.Publish(state, added, EventTypes.JoinChat, EventData.Joined(chat, adder, state.Settings.Language));
            }
        }

        return Ok.Result();
    }

    private static JsonArray UsersOf(ChatState chat, PortalState state, int limit) =>
        [.. chat.Members.Order().Take(limit).Select(state.FindUser).OfType<Portal.EmulatedUser>().Select(UserJson.Full)];
}
