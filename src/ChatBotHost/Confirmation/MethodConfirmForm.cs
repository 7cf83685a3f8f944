using System.Text.Json.Nodes;

namespace ChatBotHost.Confirmation;

/// <summary>
/// What an ONAPPMETHODCONFIRM POST says: event, data[METHOD], data[CONFIRMED] (1/0), data[LANGUAGE_ID] and auth[member_id],
/// auth[application_token]. data[TOKEN] (the access token that asked for the method) is a secret and is not read.
/// </summary>
internal sealed record MethodConfirmForm(string MemberId, string ApplicationToken, string Method, bool Allowed, string? Language)
{
    /// <summary>The event name Bitrix24 posts.</summary>
    public const string EventName = "ONAPPMETHODCONFIRM";

    // Real method names are short (e.g. "crm.lead.add"); a long one is not Bitrix24's and would only fill the store's keys.
    private const int MaxMethodLength = 200;

    // The application_token must never reach a log through a record's generated ToString.
    public override string ToString() => $"MethodConfirmForm({MemberId}, {Method}, allowed: {Allowed})";

    /// <summary>The form, or null with the reason it cannot be used.</summary>
    public static MethodConfirmForm? Read(JsonObject form, out string reason)
    {
        ArgumentNullException.ThrowIfNull(form);
        reason = "";
        if (!string.Equals(Text(form, "event"), EventName, StringComparison.OrdinalIgnoreCase))
        {
            reason = $"Not an {EventName} event.";
            return null;
        }

        var data = form["data"] as JsonObject;
        var auth = form["auth"] as JsonObject;
        var memberId = auth is null ? null : Text(auth, "member_id");
        var token = auth is null ? null : Text(auth, "application_token");
        if (memberId is null || token is null)
        {
            reason = "auth[member_id] and auth[application_token] are required.";
            return null;
        }

        var method = data is null ? null : Text(data, "METHOD");
        if (method is null || method.Length > MaxMethodLength || method.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            reason = "data[METHOD] must name a REST method.";
            return null;
        }

        var allowed = Text(data!, "CONFIRMED") switch
        {
            "1" => true,
            "0" => false,
            _ => (bool?)null,
        };
        if (allowed is null)
        {
            reason = "data[CONFIRMED] must be 1 or 0.";
            return null;
        }

        return new MethodConfirmForm(memberId, token, method, allowed.Value, Text(data!, "LANGUAGE_ID"));
    }

    private static string? Text(JsonObject node, string key) =>
        node[key] is JsonValue value && value.TryGetValue(out string? text) && text.Length > 0 ? text : null;
}
