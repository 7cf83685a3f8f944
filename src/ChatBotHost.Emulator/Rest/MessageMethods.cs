using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>imbot.v2.Chat.Message.send/update/delete (spec §4.3, §6).</summary>
internal static class MessageMethods
{
    private const string Prefix = "imbot.v2.Chat.Message.";

    public static IEnumerable<RestMethod> All() =>
    [
        new(Prefix + "send", BotAuth.BotId, Send),
        new(Prefix + "update", BotAuth.BotId, Update),
        new(Prefix + "delete", BotAuth.BotId, Delete),
        .. ReactionMethods.All(),
    ];

    private static JsonObject Send(RestCall call)
    {
        var chat = DialogAccess.ForBot(call.State, call.Bot, call.Params.String("dialogId"));
        var content = MessageContent.Read(call.Fields);
        var forwards = Forwards(call);
        if (content.IsEmpty && forwards.Count == 0)
        {
            throw new RestException("EMPTY_MESSAGE", "Message can't be empty");
        }

        // The message's uuid is its dedupe id (spec §5.5): a send repeating one the bot already posted in this chat (a
        // retry after a lost answer) returns the first message instead of posting it twice [infer].
        var uuid = call.Fields.String("templateId") ?? "";
        if (uuid.Length > 0 && call.State.Messages.Values.FirstOrDefault(
                m => m.ChatId == chat.Id && m.PostedByBotId == call.Bot.Id && m.Uuid == uuid) is { } posted)
        {
            return new JsonObject { ["id"] = posted.Id, ["uuidMap"] = PhpJson.EmptyMap() };
        }

        var replyId = call.Fields.Int("replyId") is int quoted && call.State.FindMessage(quoted)?.ChatId == chat.Id ? quoted : (int?)null;
        int? id = null;
        if (!content.IsEmpty)
        {
            var message = BotPosting.Post(call.State, call.Bot, chat, content, call.Fields.Bool("system") ?? false, viaCommandAnswer: false, uuid, replyId);
            id = message.Id;
        }

        // The comment first, then the copies in the order given; the answer's id is the comment's, else the first copy's [infer].
        var uuidMap = new JsonObject();
        foreach (var (key, original) in forwards)
        {
            var copy = BotPosting.Post(
                call.State, call.Bot, chat, new MessageContent(original.Text, null, original.Attach, false, false), false, false,
                forwardedFromId: original.Id);
            uuidMap[key] = copy.Id;
            id ??= copy.Id;
        }

        return new JsonObject { ["id"] = id, ["uuidMap"] = PhpJson.MapOrEmpty(uuidMap) };
    }

    /// <summary>The forwardIds map (uuid → message id): at most 100, each from a chat the bot is in.</summary>
    private static List<(string Key, EmulatedMessage Original)> Forwards(RestCall call)
    {
        var map = call.Fields.Object("forwardIds");
        if (map is null)
        {
            return [];
        }

        if (map.Values.Count > 100)
        {
            throw new RestException("PARAMS_ERROR", "Too many messages to forward");
        }

        var forwards = new List<(string, EmulatedMessage)>();
        foreach (var key in map.Values.Select(p => p.Key).ToList())
        {
            var original = map.Int(key) is int id ? call.State.FindMessage(id) : null;
            if (original is null || call.State.FindChat(original.ChatId)?.HasMember(call.Bot.Id) != true)
            {
                throw RestException.AccessDenied("The bot has no access to a message it forwards");
            }

            forwards.Add((key, original));
        }

        return forwards;
    }

    private static JsonObject Update(RestCall call)
    {
        var message = Own(call);
        var fields = call.Params.Object("fields") ?? throw new RestException("PARAMS_REQUIRED", "Fields are required");
        var content = MessageContent.Read(fields);
        var updated = message with
        {
            Text = content.Text ?? message.Text,
            Keyboard = content.RemoveKeyboard ? null : content.Keyboard ?? message.Keyboard,
            PressedButtons = content.RemoveKeyboard || content.Keyboard is not null ? [] : message.PressedButtons,
            Attach = content.RemoveAttach ? null : content.Attach ?? message.Attach,
            IsEdited = true,
        };
        if (string.IsNullOrEmpty(updated.Text) && updated.Attach is null)
        {
            throw new RestException("EMPTY_MESSAGE", "Message can't be empty");
        }

        call.State.Store(updated);
        return Ok.Result();
    }

    private static JsonObject Delete(RestCall call)
    {
        var message = call.Params.Int("messageId") is int id ? call.State.FindMessage(id) : null;
        var chat = message is null ? null : call.State.FindChat(message.ChatId);
        var mayDelete = message is not null && (message.PostedByBotId == call.Bot.Id || chat?.OwnerId == call.Bot.Id);
        if (!mayDelete)
        {
            throw RestException.AccessDenied("The bot may delete only its own messages");
        }

        call.State.Messages.Remove(message!.Id);
        call.State.Reactions.RemoveAll(r => r.MessageId == message.Id);
        return Ok.Result();
    }

    /// <summary>A bot edits only its own, non-system messages; anything else is ACCESS_DENIED.</summary>
    private static EmulatedMessage Own(RestCall call)
    {
        var message = call.Params.Int("messageId") is int id ? call.State.FindMessage(id) : null;
        return message is { IsSystem: false } && message.PostedByBotId == call.Bot.Id
            ? message
            : throw RestException.AccessDenied("The bot may edit only its own messages");
    }
}
