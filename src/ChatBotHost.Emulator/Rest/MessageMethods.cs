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
        if (content.IsEmpty)
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

        var message = BotPosting.Post(call.State, call.Bot, chat, content, call.Fields.Bool("system") ?? false, viaCommandAnswer: false, uuid);
        // uuidMap is filled only for forwardIds, which the emulator does not copy; PHP encodes the empty map as [].
        return new JsonObject { ["id"] = message.Id, ["uuidMap"] = PhpJson.EmptyMap() };
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
