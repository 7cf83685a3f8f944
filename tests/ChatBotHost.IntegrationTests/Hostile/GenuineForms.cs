using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// Bodies shaped exactly as Bitrix24 (PHP's http_build_query) writes them, which the generators then damage:
/// webhook events for the probe bot with the right application_token, and install/uninstall events of the
/// application portal. Install bodies carry a refresh token the OAuth server never issued; uninstall bodies carry
/// a forged application_token unless the caller passes the real one (only truncation does: a strict prefix never
/// holds all of it, because PHP writes auth last).
/// </summary>
internal sealed class GenuineForms(JsonObject portalAuth)
{
    /// <summary>Hostile events go to their own users' dialogs, so a rejected or dead-lettered one never delays valid traffic.</summary>
    public const int FirstHostileUser = 5000;

    /// <summary>Message ids of generated events; far above what the emulators hand out, so no mark of one hides a real message.</summary>
    public const long FirstHostileMessageId = 20_000_000;

    public static string Event(WebhookIdentity bot, string text, int caseId) =>
        WebhookForms.MessageAdded(
            bot.BotId,
            bot.ApplicationToken,
            bot.MemberId,
            userId: FirstHostileUser + (caseId % 7),
            messageId: (FirstHostileMessageId + caseId).ToString(CultureInfo.InvariantCulture),
            text: text);

    /// <summary>The same event with its auth block moved to the front, so a prefix keeps the right application_token.</summary>
    public static string EventAuthFirst(WebhookIdentity bot, string text, int caseId)
    {
        var body = Event(bot, text, caseId);
        var auth = body.IndexOf("&auth%5B", StringComparison.Ordinal);
        return body[(auth + 1)..] + "&" + body[..auth];
    }

    public string Install(Random random) => PhpForm.Encode(new JsonObject
    {
        ["event"] = "ONAPPINSTALL",
        ["data"] = new JsonObject { ["VERSION"] = "1", ["ACTIVE"] = "Y", ["INSTALLED"] = "Y", ["LANGUAGE_ID"] = "en" },
        ["ts"] = "1736929860",
        ["auth"] = new JsonObject
        {
            ["access_token"] = Hex(random, 35),
            ["expires"] = "1736933460",
            ["expires_in"] = "3600",
            ["scope"] = "imbot im",
            ["domain"] = portalAuth["domain"]?.DeepClone(),
            ["server_endpoint"] = portalAuth["server_endpoint"]?.DeepClone(),
            ["status"] = "L",
            ["client_endpoint"] = random.Next(2) == 0 ? portalAuth["client_endpoint"]?.DeepClone() : "https://attacker.example/rest/",
            ["member_id"] = portalAuth["member_id"]?.DeepClone(),
            ["user_id"] = "1",
            ["application_token"] = Hex(random, 16),
            ["refresh_token"] = Hex(random, 35),
        },
    });

    public string Uninstall(string applicationToken) => PhpForm.Encode(new JsonObject
    {
        ["event"] = "ONAPPUNINSTALL",
        ["data"] = new JsonObject { ["LANGUAGE_ID"] = "en", ["CLEAN"] = "1" },
        ["ts"] = "1736929860",
        ["auth"] = new JsonObject
        {
            ["domain"] = portalAuth["domain"]?.DeepClone(),
            ["server_endpoint"] = portalAuth["server_endpoint"]?.DeepClone(),
            ["client_endpoint"] = portalAuth["client_endpoint"]?.DeepClone(),
            ["member_id"] = portalAuth["member_id"]?.DeepClone(),
            ["application_token"] = applicationToken,
        },
    });

    public string ForgedUninstall(Random random) => Uninstall("forged" + Hex(random, 10));

    /// <summary>An ONAPPMETHODCONFIRM for the application portal with a forged application_token.</summary>
    public string ForgedMethodConfirm(Random random) => PhpForm.Encode(new JsonObject
    {
        ["event"] = "ONAPPMETHODCONFIRM",
        ["data"] = new JsonObject { ["TOKEN"] = Hex(random, 16), ["METHOD"] = "tasks.task.add", ["CONFIRMED"] = "1", ["LANGUAGE_ID"] = "en" },
        ["ts"] = "1736929860",
        ["auth"] = new JsonObject
        {
            ["domain"] = portalAuth["domain"]?.DeepClone(),
            ["member_id"] = portalAuth["member_id"]?.DeepClone(),
            ["application_token"] = "forged" + Hex(random, 10),
        },
    });

    /// <summary>The genuine-looking body for a target: an event for a webhook URL, an install or forged uninstall otherwise.</summary>
    public string For(HostileTarget target, Random random, string text, int caseId) => target.Family switch
    {
        TargetFamily.Install => Install(random),
        TargetFamily.Uninstall => ForgedUninstall(random),
        TargetFamily.MethodConfirm => ForgedMethodConfirm(random),
        _ => Event(target.Bot ?? throw new InvalidOperationException($"{target.Name} has no bot."), text, caseId),
    };

    private static string Hex(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }
}
