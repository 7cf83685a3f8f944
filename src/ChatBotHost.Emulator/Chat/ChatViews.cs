using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Chat;

/// <summary>The JSON the chat page reads: dialogs as the portal's user sees them, and messages with their reactions.</summary>
internal static class ChatViews
{
    public static JsonObject User(EmulatedUser user) => new() { ["id"] = user.Id, ["name"] = user.Name };

    /// <summary>The user's 1:1 with a bot; <paramref name="chat"/> is null while the user never opened it.</summary>
    public static JsonObject Private(EmulatedPortal portal, EmulatedBot bot, EmulatedChat? chat)
    {
        var view = Dialog(portal, bot.Id.ToString(CultureInfo.InvariantCulture), "private", bot.Name, chat, [bot]);
        view["botId"] = bot.Id;
        view["code"] = bot.Code;
        view["subtitle"] = $"{bot.Type} · {bot.EventMode} mode";
        view["opened"] = chat is not null;
        return view;
    }

    public static JsonObject Group(EmulatedPortal portal, EmulatedChat chat, IReadOnlyList<EmulatedBot> bots)
    {
        var members = bots.Where(b => chat.MemberIds.Contains(b.Id)).ToList();
        var view = Dialog(portal, chat.UserDialogId, "group", chat.Title, chat, members);
        view["subtitle"] = $"group chat · {chat.MemberIds.Count} members";
        view["opened"] = true;
        return view;
    }

    public static JsonObject Message(EmulatedPortal portal, EmulatedMessage message, int me)
    {
        var author = portal.FindUser(message.PostedByBotId ?? message.AuthorId);
        var reactions = portal.GetReactions(message.Id)
            .GroupBy(r => r.Reaction, StringComparer.Ordinal)
            .Select(g => (JsonNode)new JsonObject { ["reaction"] = g.Key, ["count"] = g.Count(), ["mine"] = g.Any(r => r.UserId == me) });
        return new JsonObject
        {
            ["id"] = message.Id,
            ["authorId"] = message.AuthorId,
            ["authorName"] = author?.Name ?? "System",
            ["fromBot"] = message.PostedByBotId is not null,
            ["mine"] = message.PostedByBotId is null && message.AuthorId == me,
            ["text"] = message.Text,
            ["keyboard"] = message.Keyboard?.DeepClone(),
            // Kept by the portal, so a reloaded page shows a pressed BLOCK=Y button disabled still.
            ["pressed"] = new JsonArray([.. message.PressedButtons.Select(i => (JsonNode)i)]),
            ["attach"] = message.Attach?.DeepClone(),
            ["isSystem"] = message.IsSystem,
            ["isEdited"] = message.IsEdited,
            ["viaCommandAnswer"] = message.ViaCommandAnswer,
            ["date"] = WireDate.Format(message.Date),
            ["reactions"] = new JsonArray([.. reactions]),
            ["files"] = new JsonArray([.. message.Files.Select(f => (JsonNode)new JsonObject { ["id"] = f.Id, ["name"] = f.Name, ["size"] = f.Content.LongLength })]),
        };
    }

    private static JsonObject Dialog(
        EmulatedPortal portal, string dialogId, string kind, string title, EmulatedChat? chat, IReadOnlyList<EmulatedBot> bots)
    {
        var history = chat is null ? [] : portal.GetMessages(portal.AdminUserId, dialogId);
        var last = history.Count > 0 ? history[^1] : null;
        var commands = bots.SelectMany(b => b.Commands.Where(c => !c.Hidden).Select(c => (JsonNode)new JsonObject
        {
            ["command"] = c.Command,
            ["title"] = c.Title.GetValueOrDefault("en") ?? c.Title.Values.FirstOrDefault() ?? "",
            ["params"] = c.Params.GetValueOrDefault("en") ?? "",
            ["bot"] = b.Name,
        }));
        return new JsonObject
        {
            ["dialogId"] = dialogId,
            ["kind"] = kind,
            ["chatId"] = chat?.Id,
            ["title"] = title,
            ["textFieldEnabled"] = chat?.TextFieldEnabled ?? true,
            ["lastText"] = last?.Text ?? "",
            ["lastDate"] = last is null ? null : WireDate.Format(last.Date),
            ["members"] = new JsonArray([.. bots.Select(b => (JsonNode)new JsonObject
            {
                ["id"] = b.Id,
                ["name"] = b.Name,
                ["type"] = b.Type,
                ["eventMode"] = b.EventMode,
                // bot and openline bots hear a group only when @mentioned (spec §3).
                ["needsMention"] = b.Type is not ("supervisor" or "personal"),
            })]),
            ["commands"] = new JsonArray([.. commands]),
        };
    }
}
