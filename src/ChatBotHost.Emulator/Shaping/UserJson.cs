using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>The User entity (spec §5.5) in its full form, as events carry it.</summary>
internal static class UserJson
{
    public static JsonObject Full(EmulatedUser user) => new()
    {
        ["id"] = user.Id,
        ["active"] = true,
        ["name"] = user.Name,
        ["firstName"] = user.FirstName,
        ["lastName"] = user.LastName,
        ["workPosition"] = user.WorkPosition,
        ["color"] = user.Color,
        ["avatar"] = "",
        ["gender"] = user.Gender,
        ["birthday"] = "",
        ["extranet"] = false,
        ["bot"] = user.IsBot,
        ["connector"] = false,
        ["externalAuthId"] = user.IsBot ? "bot" : "default",
        ["status"] = "online",
        ["idle"] = false,
        ["lastActivityDate"] = WireDate.Format(user.LastActivityDate),
        ["absent"] = false,
        ["departments"] = user.IsBot ? new JsonArray() : new JsonArray(1),
        ["phones"] = false,
        ["type"] = user.IsBot ? "bot" : "employee",
    };
}
