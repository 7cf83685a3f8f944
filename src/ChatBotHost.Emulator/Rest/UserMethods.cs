using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// user.admin: whether the user the credentials act as administers the portal (true/false). A host asks it with the
/// tokens an install brought, to tell an administrator's re-install from one made with any user's tokens.
/// </summary>
internal static class UserMethods
{
    public static IEnumerable<RestMethod> All() => [new("user.admin", BotAuth.None, Admin)];

    // The emulated portal has one administrator (EmulatorOptions.AdminUserId); users added later are not administrators.
    private static JsonValue Admin(RestCall call) =>
        JsonValue.Create(call.UserId is { } user && user == call.State.Settings.AdminUserId);
}
