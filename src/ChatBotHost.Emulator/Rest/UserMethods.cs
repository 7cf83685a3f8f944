using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// user.admin (whether the caller administers the portal), user.current (the user the credentials act as) and
/// user.get (the portal's people, filtered, 50 a page; bots are not listed).
/// </summary>
internal static class UserMethods
{
    // Parameters of user.get that are not filter fields when given at the top level (the older calling style).
    private static readonly HashSet<string> NotFilters = new(StringComparer.OrdinalIgnoreCase)
    {
        "sort", "order", "start", "filter", "ADMIN_MODE", "botToken", "auth",
    };

    public static IEnumerable<RestMethod> All() =>
    [
        new("user.admin", BotAuth.None, Admin),
        new("user.current", BotAuth.None, Current),
        new("user.get", BotAuth.None, Get),
    ];

    // The emulated portal has one administrator (EmulatorOptions.AdminUserId); users added later are not administrators.
    private static JsonValue Admin(RestCall call) =>
        JsonValue.Create(call.UserId is { } user && user == call.State.Settings.AdminUserId);

    private static JsonObject Current(RestCall call) =>
        call.UserId is { } id && call.State.FindUser(id) is { } user
            ? UserRecordJson.For(user)
            : throw new RestException("NO_AUTH_FOUND", "Wrong authorization data", 401);

    private static JsonArray Get(RestCall call)
    {
        var filter = call.Params.Object("FILTER") ?? call.Params.Object("filter");
        var conditions = filter is not null
            ? filter.Values.ToList()
            : call.Params.Values.Where(p => !NotFilters.Contains(p.Key)).ToList();
        var users = call.State.Users.Values
            .Where(u => !u.IsBot)
            .OrderBy(u => u.Id)
            .Select(UserRecordJson.For)
            .Where(record => FieldFilter.Matches(record, conditions))
            .ToList();
        var (page, paging) = ListPage.Slice(users, call.Params.Int("start"));
        call.Page = paging;
        return new JsonArray([.. page]);
    }
}
