using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using Microsoft.AspNetCore.Http;

namespace ChatBotHost.Emulator.Chat;

/// <summary>
/// The chat page's JSON API. Every action goes through the portal's user-side methods (the ones tests use), so the
/// bots get the same events, in their own event mode, as from a real user in Bitrix24's messenger.
/// </summary>
internal sealed class ChatApi(EmulatedPortal portal)
{
    private readonly PageGroupChat _group = new(portal);

    private int Me => portal.AdminUserId;

    public async Task<IResult> DialogsAsync()
    {
        await _group.EnsureAsync();
        var me = portal.FindUser(Me) ?? throw new InvalidOperationException("The portal's admin user is missing.");
        var bots = portal.Bots;
        var chats = portal.Chats.Where(c => c.MemberIds.Contains(Me)).ToList();
        var dialogs = new JsonArray();
        foreach (var bot in bots)
        {
            var botDialog = bot.Id.ToString(CultureInfo.InvariantCulture);
            dialogs.Add(ChatViews.Private(portal, bot, chats.Find(c => c.IsPrivate && c.UserDialogId == botDialog)));
        }

        foreach (var chat in chats.Where(c => !c.IsPrivate))
        {
            dialogs.Add(ChatViews.Group(portal, chat, bots));
        }

        return Json(new JsonObject { ["me"] = ChatViews.User(me), ["dialogs"] = dialogs });
    }

    /// <summary>Opening a bot's 1:1 for the first time greets the bot (JOINCHAT), as in Bitrix24's messenger.</summary>
    public Task<IResult> OpenAsync(string dialogId) => GuardAsync(async () =>
    {
        if (int.TryParse(dialogId, NumberStyles.None, CultureInfo.InvariantCulture, out var botId)
            && !portal.Chats.Any(c => c.IsPrivate && c.UserDialogId == dialogId && c.MemberIds.Contains(Me)))
        {
            await portal.OpenPrivateChatAsync(Me, botId);
        }

        return Results.NoContent();
    });

    public IResult Messages(string dialogId) => Json(new JsonObject
    {
        ["messages"] = new JsonArray([.. portal.GetMessages(Me, dialogId).Select(m => (JsonNode)ChatViews.Message(portal, m, Me))]),
    });

    public Task<IResult> SendAsync(string dialogId, HttpRequest request) => GuardAsync(async () =>
    {
        var text = (await ReadAsync(request))["text"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problem("The message is empty.");
        }

        var id = await portal.SendUserMessageAsync(Me, dialogId, text);
        return Json(new JsonObject { ["id"] = id });
    });

    public Task<IResult> EditAsync(int messageId, HttpRequest request) => GuardAsync(async () =>
    {
        var text = (await ReadAsync(request))["text"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return Problem("The message is empty.");
        }

        await portal.EditUserMessageAsync(Me, messageId, text);
        return Results.NoContent();
    });

    public Task<IResult> DeleteAsync(int messageId) => GuardAsync(async () =>
    {
        await portal.DeleteUserMessageAsync(Me, messageId);
        return Results.NoContent();
    });

    public Task<IResult> ReactAsync(int messageId, HttpRequest request) => GuardAsync(async () =>
    {
        var body = await ReadAsync(request);
        var reaction = body["reaction"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(reaction))
        {
            return Problem("No reaction given.");
        }

        await portal.ReactAsync(Me, messageId, reaction, body["add"]?.GetValue<bool>() ?? true);
        return Results.NoContent();
    });

    public Task<IResult> PressAsync(int messageId, HttpRequest request) => GuardAsync(async () =>
    {
        var body = await ReadAsync(request);
        var command = body["command"]?.GetValue<string>();
        if (string.IsNullOrWhiteSpace(command))
        {
            return Problem("No command given.");
        }

        await portal.PressButtonAsync(Me, messageId, command, body["params"]?.GetValue<string>());
        return Results.NoContent();
    });

    /// <summary>The answer to a request the API refuses; the page shows <c>error</c>.</summary>
    public static IResult Problem(string message, int statusCode = StatusCodes.Status400BadRequest) =>
        Results.Text(new JsonObject { ["error"] = message }.ToJsonString(), "application/json", statusCode: statusCode);

    private static Task<JsonObject> ReadAsync(HttpRequest request) => ChatRequestBody.ReadAsync(request);

    /// <summary>An impossible action (someone else's message, a button that is not there) is the page's mistake: 400.</summary>
    private static async Task<IResult> GuardAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (ChatRequestException refused)
        {
            return Problem(refused.Message, refused.StatusCode);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or JsonException or FormatException)
        {
            return Problem(error.Message);
        }
    }

    private static IResult Json(JsonNode body) => Results.Text(body.ToJsonString(), "application/json");
}
