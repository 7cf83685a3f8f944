using System.Globalization;
using System.Net;
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

        var unreadable = WebhookForms.MessageAdded(bot.Id, bot.ApplicationToken!, userId: user.Id, messageId: "not-a-number", text: "lost text");
        using var response = await WebhookForms.PostAsync(http, bot.WebhookUrl!, unreadable);
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
}
