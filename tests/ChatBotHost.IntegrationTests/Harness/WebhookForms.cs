using System.Globalization;
using System.Text;

namespace ChatBotHost.IntegrationTests.Harness;

/// <summary>Webhook deliveries posted by hand, as PHP's http_build_query writes them: bracketed keys percent-encoded, every scalar a string.</summary>
internal static class WebhookForms
{
    /// <summary>
    /// An ONIMBOTV2MESSAGEADD of user <paramref name="userId"/> in their private chat with the bot; the auth block
    /// names <paramref name="memberId"/> when one is given (application portals), the domain otherwise.
    /// </summary>
    public static string MessageAdded(
        int botId, string applicationToken, string? memberId = null, int userId = 1, string messageId = "999", string text = "forged text", string botCode = "echo")
    {
        var user = userId.ToString(CultureInfo.InvariantCulture);
        return "event=ONIMBOTV2MESSAGEADD"
            + $"&data%5Bbot%5D%5Bid%5D={botId.ToString(CultureInfo.InvariantCulture)}&data%5Bbot%5D%5Bcode%5D={Uri.EscapeDataString(botCode)}"
            + $"&data%5Bmessage%5D%5Bid%5D={Uri.EscapeDataString(messageId)}&data%5Bmessage%5D%5BchatId%5D=7&data%5Bmessage%5D%5BauthorId%5D={user}"
            + $"&data%5Bmessage%5D%5Btext%5D={Uri.EscapeDataString(text)}&data%5Bmessage%5D%5BisSystem%5D=0"
            + $"&data%5Bchat%5D%5Bid%5D=7&data%5Bchat%5D%5BdialogId%5D={user}&data%5Bchat%5D%5Btype%5D=private&data%5Buser%5D%5Bid%5D={user}"
            + "&data%5Blanguage%5D=en&ts=1736929860"
            + (memberId is null ? "&auth%5Bdomain%5D=portal.example" : "&auth%5Bmember_id%5D=" + Uri.EscapeDataString(memberId))
            + "&auth%5Bapplication_token%5D=" + Uri.EscapeDataString(applicationToken);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient http, Uri url, string body) =>
        http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
}
