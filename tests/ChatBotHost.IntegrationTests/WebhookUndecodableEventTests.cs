using System.Globalization;
using System.Net;
using System.Text;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.State;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// The intake reads only what routing needs. A delivery whose routing is sound but whose event is not is accepted and
/// kept as a dead letter with the reason: Bitrix24 would not send it again, so a 400 would only have lost it.
/// </summary>
public sealed class WebhookUndecodableEventTests
{
    [Fact]
    public async Task DeliveryWithAnUnreadableMessage_IsAccepted_AndKeptAsADeadLetter_AndTheDialogMovesOn()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, "webhook"), typeof(EchoBot));
        var bot = emulator.Portal.FindBot("echo")!;
        var user = emulator.Portal.AddUser("Dora", "Dead");
        await emulator.Portal.OpenPrivateChatAsync(user.Id, bot.Id);
        await emulator.Portal.SendUserMessageAsync(user.Id, bot.Id.ToString(CultureInfo.InvariantCulture), "first");
        await emulator.Portal.WaitForBotMessageAsync(m => m.Text == "You said: first", Waits.Reply, CancellationToken.None);
        using var http = new HttpClient();

        var unreadable = Body(bot.Id, user.Id, bot.ApplicationToken!, messageId: "not-a-number");
        using var response = await http.PostAsync(bot.WebhookUrl, new StringContent(unreadable, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The dialog's next message is answered: the bad event did not block it.
        await emulator.Portal.SendUserMessageAsync(user.Id, bot.Id.ToString(CultureInfo.InvariantCulture), "after");
        await emulator.Portal.WaitForBotMessageAsync(m => m.Text == "You said: after", Waits.Reply, CancellationToken.None);
        var letters = await host.Services.GetRequiredService<IDeadLetterStore>().ListAsync(host.Bot("echo").Portal.Key, 10, CancellationToken.None);
        var letter = Assert.Single(letters);
        Assert.Equal(DeadLetter.Kinds.Event, letter.Kind);
        Assert.Equal(user.Id.ToString(CultureInfo.InvariantCulture), letter.DialogId);
        Assert.Contains("data.message.id", letter.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.ApplicationToken!, letter.Payload, StringComparison.Ordinal);
    }

    private static string Body(int botId, int userId, string applicationToken, string messageId)
    {
        var user = userId.ToString(CultureInfo.InvariantCulture);
        return "event=ONIMBOTV2MESSAGEADD"
            + $"&data%5Bbot%5D%5Bid%5D={botId.ToString(CultureInfo.InvariantCulture)}&data%5Bbot%5D%5Bcode%5D=echo"
            + $"&data%5Bmessage%5D%5Bid%5D={messageId}&data%5Bmessage%5D%5BchatId%5D=7&data%5Bmessage%5D%5BauthorId%5D={user}"
            + "&data%5Bmessage%5D%5Btext%5D=lost+text&data%5Bmessage%5D%5BisSystem%5D=0"
            + $"&data%5Bchat%5D%5Bid%5D=7&data%5Bchat%5D%5BdialogId%5D={user}&data%5Bchat%5D%5Btype%5D=private&data%5Buser%5D%5Bid%5D={user}"
            + "&ts=1736929860&auth%5Bdomain%5D=portal.example&auth%5Bapplication_token%5D=" + Uri.EscapeDataString(applicationToken);
    }
}
