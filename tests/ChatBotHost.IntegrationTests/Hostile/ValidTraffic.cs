using System.Globalization;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// The genuine traffic interleaved with the hostile bodies: users of both portals writing to the probe bot (the
/// emulators post the deliveries as Bitrix24 does) and the local chat page's user writing through the chat API; and,
/// while Redis is down, deliveries posted by hand so their answers are seen. Each message has its own text, and the
/// suite checks that every one the host accepted was handled exactly once, and none it refused was handled at all.
/// </summary>
internal sealed class ValidTraffic(HostileRig rig)
{
    /// <summary>Deliveries posted by hand get message ids of their own range, apart from the emulators' and the generated ones.</summary>
    private const long FirstDirectMessageId = 50_000_000;
    private const int DirectUser = 4000;

    private readonly List<ValidEvent> _sent = [];
    private int[] _webhookUsers = [];
    private int[] _appUsers = [];
    private int _next;

    public IReadOnlyList<ValidEvent> Sent => _sent;

    /// <summary>Makes a few users on each portal and opens their private chats with the probe bot (which brings JOINCHAT).</summary>
    public async Task PrepareAsync()
    {
        _webhookUsers = await UsersAsync(rig.WebhookPortal);
        _appUsers = await UsersAsync(rig.AppPortal);
        _sent.Add(new ValidEvent(HostileRig.LocalSetupText, "chat-api", rig.LocalHandled, 200, MustBeHandled: true));
    }

    /// <summary>The next genuine message, from the webhook portal, the application portal or the chat page in turn.</summary>
    public async Task SendNextAsync()
    {
        var n = _next++;
        switch (n % 3)
        {
            case 0:
                await FromPortalAsync(rig.WebhookPortal, _webhookUsers[n / 3 % _webhookUsers.Length], Text(n, "w"), "webhook-portal user");
                break;
            case 1:
                await FromPortalAsync(rig.AppPortal, _appUsers[n / 3 % _appUsers.Length], Text(n, "a"), "app-portal user");
                break;
            default:
                var text = Text(n, "l");
                await rig.SendLocalAsync(text);
                _sent.Add(new ValidEvent(text, "chat-api", rig.LocalHandled, 200, MustBeHandled: true));
                break;
        }
    }

    /// <summary>A genuine delivery posted by hand to the webhook bot; what the host answered decides whether it must be handled.</summary>
    public async Task<int> PostDirectAsync()
    {
        var n = _next++;
        var text = Text(n, "d");
        var body = WebhookForms.MessageAdded(
            rig.WebhookBot.BotId, rig.WebhookBot.ApplicationToken, userId: DirectUser,
            messageId: (FirstDirectMessageId + n).ToString(CultureInfo.InvariantCulture), text: text);
        int status;
        try
        {
            using var response = await WebhookForms.PostAsync(rig.Http, rig.WebhookBotUrl, body);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = Answers.Cut;
        }

        _sent.Add(new ValidEvent(text, "direct post", rig.MainHandled, status, MustBeHandled: status == 200));
        return status;
    }

    /// <summary>Waits until every event that must be handled was (or the patience ran out: the check then names the missing ones).</summary>
    public async Task DrainAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (_sent.Any(e => e.MustBeHandled && e.Where.CountText(e.Text) == 0) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(50, CancellationToken.None);
        }
    }

    private async Task FromPortalAsync(BitrixEmulator portal, int user, string text, string how)
    {
        var bot = portal.Portal.FindBot(ProbeBot.Code)!;
        await portal.Portal.SendUserMessageAsync(user, bot.Id.ToString(CultureInfo.InvariantCulture), text);
        _sent.Add(new ValidEvent(text, how, rig.MainHandled, null, MustBeHandled: true));
    }

    private static async Task<int[]> UsersAsync(BitrixEmulator portal)
    {
        var bot = portal.Portal.FindBot(ProbeBot.Code)!;
        var users = new int[3];
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = portal.Portal.AddUser("Valid", "User" + i.ToString(CultureInfo.InvariantCulture)).Id;
            await portal.Portal.OpenPrivateChatAsync(users[i], bot.Id);
        }

        return users;
    }

    private static string Text(int n, string source) => "V" + n.ToString("D5", CultureInfo.InvariantCulture) + source;
}
