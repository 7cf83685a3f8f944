using System.Globalization;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// The echo bot is one file under bots/: declared, registered on the (emulated) portal and answering, in both
/// event modes, through the real host, the real wire formats and real HTTP.
/// </summary>
public sealed class EchoBotTests
{
    [Theory]
    [InlineData("fetch")]
    [InlineData("webhook")]
    public async Task EchoBot_IsRegisteredWithItsCommandAndEchoesMessagesVerbatim(string eventMode)
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, eventMode), typeof(EchoBot));

        var bot = emulator.Portal.FindBot("echo")!;
        Assert.Equal(eventMode, bot.EventMode);
        Assert.Contains(bot.Commands, c => c.Command == "/help");

        const string text = "Привет & [b]bold[/b] 100% + more";
        await emulator.Portal.SendUserMessageAsync(1, bot.Id.ToString(CultureInfo.InvariantCulture), text);

        var reply = await emulator.Portal.WaitForBotMessageAsync(m => m.PostedByBotId == bot.Id && m.Text.StartsWith("You said:", StringComparison.Ordinal), Waits.Reply, CancellationToken.None);
        Assert.Equal($"You said: {text}", reply.Text);
        Assert.Equal(bot.Id.ToString(CultureInfo.InvariantCulture), reply.DialogId);
    }

    [Theory]
    [InlineData("fetch")]
    [InlineData("webhook")]
    public async Task HelpCommand_IsAnsweredThroughCommandAnswerWithTheCommandList(string eventMode)
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, eventMode), typeof(EchoBot));
        var bot = emulator.Portal.FindBot("echo")!;

        await emulator.Portal.SendUserMessageAsync(1, bot.Id.ToString(CultureInfo.InvariantCulture), "/help");

        var answer = await emulator.Portal.WaitForBotMessageAsync(m => m.ViaCommandAnswer, Waits.Reply, CancellationToken.None);
        Assert.Contains("/help — List the commands", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Portal.GetMessages(null), m => m.Text.StartsWith("You said:", StringComparison.Ordinal));
    }
}
