using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// im.notify.system.add and im.notify.personal.add (USER_ID, MESSAGE → the new notification's id; false for a user
/// the portal does not have), and im.notify.confirm (ID, NOTIFY_VALUE): the calling user answers a button of one of
/// their confirm notifications.
/// </summary>
internal static class NotifyMethods
{
    public static IEnumerable<RestMethod> All() =>
    [
        new("im.notify.system.add", BotAuth.None, call => Add(call, NotificationKind.System)),
        new("im.notify.personal.add", BotAuth.None, call => Add(call, NotificationKind.Personal)),
        new("im.notify.confirm", BotAuth.None, Confirm),
    ];

    private static JsonValue Add(RestCall call, NotificationKind kind)
    {
        var userId = call.Params.Int("USER_ID") is { } given && given > 0 ? given : throw new RestException("USER_ID_EMPTY", "User ID can't be empty");
        var message = call.Params.Text("MESSAGE")?.Trim() ?? throw new RestException("MESSAGE_EMPTY", "Message can't be empty");
        var state = call.State;
        if (state.FindUser(userId) is not { IsBot: false })
        {
            return JsonValue.Create(false);
        }

        var author = kind == NotificationKind.Personal ? call.UserId ?? 0 : 0;
        var notification = new EmulatedNotification(state.TakeNotificationId(), userId, author, kind, message, state.Now)
        {
            Tag = call.Params.String("TAG") ?? "",
        };
        state.Notifications.Add(notification.Id, notification);
        return JsonValue.Create(notification.Id);
    }

    private static JsonObject Confirm(RestCall call)
    {
        var id = call.Params.Int("ID") ?? throw new RestException("ID_ERROR", "Notification ID can't be empty");
        var value = call.Params.Text("NOTIFY_VALUE") ?? throw new RestException("NOTIFY_VALUE_ERROR", "Notification Value can't be empty");
        var state = call.State;

        // Someone else's notification, one without buttons or one answered already is not there to be answered.
        if (!state.Notifications.TryGetValue(id, out var notification) || notification.UserId != call.UserId
            || notification.Kind != NotificationKind.Confirm || notification.Answer is not null)
        {
            throw new RestException("ID_ERROR", "Notification not found");
        }

        var button = notification.Buttons.FirstOrDefault(b => string.Equals(b.Value, value, StringComparison.Ordinal))
            ?? throw new RestException("NOTIFY_VALUE_ERROR", "Notification Value is not one of the notification's buttons");
        state.Notifications[id] = notification with { Answer = button.Value };
        return new JsonObject { ["result_message"] = new JsonArray(JsonValue.Create(button.Title)) };
    }
}
