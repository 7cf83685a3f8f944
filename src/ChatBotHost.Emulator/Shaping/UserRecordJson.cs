using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.Emulator.Shaping;

/// <summary>A user as user.get and user.current answer: upper-case keys, the id as a string, ACTIVE a boolean.</summary>
internal static class UserRecordJson
{
    public static JsonObject For(EmulatedUser user) => new()
    {
        ["ID"] = user.Id.ToString(CultureInfo.InvariantCulture),
        ["XML_ID"] = null,
        ["ACTIVE"] = true,
        ["NAME"] = user.FirstName,
        ["LAST_NAME"] = user.LastName,
        ["SECOND_NAME"] = "",
        ["EMAIL"] = user.Email ?? MadeUpEmail(user),
        ["LAST_LOGIN"] = WireDate.Format(user.LastActivityDate),
        ["DATE_REGISTER"] = WireDate.Format(user.LastActivityDate.Date),
        ["IS_ONLINE"] = "Y",
        ["TIME_ZONE_OFFSET"] = "0",
        ["LAST_ACTIVITY_DATE"] = WireDate.Format(user.LastActivityDate),
        ["PERSONAL_GENDER"] = user.Gender,
        ["PERSONAL_BIRTHDAY"] = "",
        ["WORK_POSITION"] = user.WorkPosition,
        ["UF_DEPARTMENT"] = new JsonArray(1),
        ["USER_TYPE"] = "employee",
    };

    private static string MadeUpEmail(EmulatedUser user)
    {
        var local = string.IsNullOrEmpty(user.LastName) ? user.FirstName : $"{user.FirstName}.{user.LastName}";
#pragma warning disable CA1308 // e-mail local parts are written in lower case; this is display data, not a comparison
        return local.Replace(' ', '.').ToLowerInvariant() + "@example.com";
#pragma warning restore CA1308
    }
}
