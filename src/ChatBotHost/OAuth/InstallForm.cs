using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatBotHost.OAuth;

/// <summary>
/// What an install POST claims (spec §1.3): the ONAPPINSTALL form of an application without UI (auth[...] keys), or
/// the install page's POST (AUTH_ID, REFRESH_ID, member_id, APPLICATION_TOKEN). Where the portal lives is not read
/// from it: the form's domain and client_endpoint are whatever the sender wrote, so the endpoints come from the OAuth
/// server's answer alone (<see cref="InstallVerifier"/>).
/// </summary>
internal sealed record InstallForm(string MemberId, string AccessToken, string RefreshToken, int ExpiresIn, string ApplicationToken, bool IsInstallPage)
{
    public override string ToString() => $"InstallForm({MemberId})";

    public static InstallForm? Read(JsonObject form)
    {
        if (Text(form, "event") is { } evt)
        {
            if (!string.Equals(evt, "ONAPPINSTALL", StringComparison.OrdinalIgnoreCase) || form["auth"] is not JsonObject auth)
            {
                return null;
            }

            return Build(Text(auth, "member_id"), Text(auth, "access_token"), Text(auth, "refresh_token"), Text(auth, "expires_in"),
                Text(auth, "application_token"), installPage: false);
        }

        return Build(Text(form, "member_id"), Text(form, "AUTH_ID"), Text(form, "REFRESH_ID"), Text(form, "AUTH_EXPIRES"),
            Text(form, "APPLICATION_TOKEN"), installPage: true);
    }

    private static InstallForm? Build(string? memberId, string? access, string? refresh, string? expiresIn, string? applicationToken, bool installPage)
    {
        if (memberId is null || access is null || refresh is null || applicationToken is null)
        {
            return null;
        }

        var seconds = int.TryParse(expiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedSeconds) ? parsedSeconds : 3600;
        return new InstallForm(memberId, access, refresh, seconds, applicationToken, installPage);
    }

    private static string? Text(JsonObject node, string key) =>
        node[key] is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;
}
