using System.Globalization;

namespace ChatBotHost.Bench;

/// <summary>ONIMBOTV2MESSAGEADD bodies as PHP's http_build_query writes them; each message id and user distinct.</summary>
internal static class WebhookBodies
{
    /// <summary>A message of user <c>users[n % users.Count]</c>: spread over many users, so that the host may handle
    /// events of different dialogs in parallel.</summary>
    public static string MessageAdded(int botId, string applicationToken, IReadOnlyList<int> users, int n)
    {
        var user = users[n % users.Count].ToString(CultureInfo.InvariantCulture);
        var id = n.ToString(CultureInfo.InvariantCulture);
        return "event=ONIMBOTV2MESSAGEADD"
            + $"&data%5Bbot%5D%5Bid%5D={botId.ToString(CultureInfo.InvariantCulture)}&data%5Bbot%5D%5Bcode%5D=echo"
            + $"&data%5Bmessage%5D%5Bid%5D={id}&data%5Bmessage%5D%5BchatId%5D={user}&data%5Bmessage%5D%5BauthorId%5D={user}"
            + $"&data%5Bmessage%5D%5Btext%5D=load+{id}&data%5Bmessage%5D%5BisSystem%5D=0"
            + $"&data%5Bchat%5D%5Bid%5D={user}&data%5Bchat%5D%5BdialogId%5D={user}&data%5Bchat%5D%5Btype%5D=private"
            + $"&data%5Buser%5D%5Bid%5D={user}&data%5Blanguage%5D=en"
            + "&ts=1736929860&auth%5Bdomain%5D=portal.example&auth%5Bapplication_token%5D=" + Uri.EscapeDataString(applicationToken);
    }
}
