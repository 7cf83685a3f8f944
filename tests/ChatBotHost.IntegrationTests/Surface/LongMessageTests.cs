using System.Globalization;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>A reply longer than a portal message holds arrives whole, as several messages in order, none truncated.</summary>
public sealed class LongMessageTests
{
    [Fact]
    public async Task EchoOfAnAlmostFullMessage_ArrivesAsTwoMessagesInOrderWithTheBoldRunClosedAndReopened()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, "webhook"), typeof(EchoBot));
        var bot = emulator.Portal.FindBot("echo")!;
        // A user's message at the 20,000-character limit: with "You said: " in front the echo is past it, and the bold
        // run spans the cut.
        var words = string.Concat(Enumerable.Repeat("word ", 3998));
        var text = "[b]" + words + "[/b]end";

        await emulator.Portal.SendUserMessageAsync(1, bot.Id.ToString(CultureInfo.InvariantCulture), text);

        var last = await emulator.Portal.WaitForBotMessageAsync(
            m => m.PostedByBotId == bot.Id && m.Text.EndsWith("end", StringComparison.Ordinal), Waits.Reply, CancellationToken.None);
        var parts = emulator.Portal.GetMessages(null).Where(m => m.PostedByBotId == bot.Id && m.Text.Contains("[b]word", StringComparison.Ordinal)).OrderBy(m => m.Id).ToList();
        Assert.Equal(2, parts.Count);
        Assert.Equal(last.Id, parts[1].Id);
        Assert.All(parts, p => Assert.DoesNotContain("(...)", p.Text, StringComparison.Ordinal));
        Assert.StartsWith("You said: [b]word ", parts[0].Text, StringComparison.Ordinal);
        Assert.EndsWith(" [/b]", parts[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("[b]word ", parts[1].Text, StringComparison.Ordinal);
        var joined = parts[0].Text[..^"[/b]".Length] + parts[1].Text["[b]".Length..];
        Assert.Equal($"You said: {text}", joined);
    }
}
