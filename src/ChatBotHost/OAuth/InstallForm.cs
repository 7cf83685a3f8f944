using System.Globalization;
using System.Text.Json.Nodes;

namespace ChatBotHost.OAuth;

/// <summary>
/// What an install POST tells (spec §1.3): the ONAPPINSTALL form of an application without UI (auth[...] keys), or
/// the install page's POST (AUTH_ID, REFRESH_ID, member_id, APPLICATION_TOKEN; DOMAIN and PROTOCOL in the query).
/// </summary>
internal sealed record InstallForm(string MemberId, string Domain, string ClientEndpoint, string AccessToken, string RefreshToken, int ExpiresIn, string ApplicationToken, bool IsInstallPage)
{
    public override string ToString() => $"InstallForm({MemberId}, {Domain})";

    public static InstallForm? Read(JsonObject form, IQueryCollection query)
    {
        if (Text(form, "event") is { } evt)
        {
            if (!string.Equals(evt, "ONAPPINSTALL", StringComparison.OrdinalIgnoreCase) || form["auth"] is not JsonObject auth)
            {
                return null;
            }

            return Build(Text(auth, "member_id"), Text(auth, "domain"), Text(auth, "client_endpoint"), Text(auth, "access_token"),
                Text(auth, "refresh_token"), Text(auth, "expires_in"), Text(auth, "application_token"), installPage: false);
        }

        var domain = Text(form, "DOMAIN") ?? query["DOMAIN"].ToString();
        var scheme = (Text(form, "PROTOCOL") ?? query["PROTOCOL"].ToString()) == "0" ? "http" : "https";
        return Build(Text(form, "member_id"), domain, string.IsNullOrEmpty(domain) ? null : $"{scheme}://{domain}/rest/",
            Text(form, "AUTH_ID"), Text(form, "REFRESH_ID"), Text(form, "AUTH_EXPIRES"), Text(form, "APPLICATION_TOKEN"), installPage: true);
    }

    private static InstallForm? Build(string? memberId, string? domain, string? endpoint, string? access, string? refresh, string? expiresIn, string? applicationToken, bool installPage)
    {
        if (memberId is null || string.IsNullOrEmpty(domain) || endpoint is null || access is null || refresh is null || applicationToken is null
            || !Uri.TryCreate(endpoint, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var seconds = int.TryParse(expiresIn, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedSeconds) ? parsedSeconds : 3600;
        return new InstallForm(memberId, domain, endpoint, access, refresh, seconds, applicationToken, installPage);
    }

    private static string? Text(JsonObject node, string key) =>
        node[key] is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;
}
