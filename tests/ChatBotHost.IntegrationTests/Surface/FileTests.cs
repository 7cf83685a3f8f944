using System.Globalization;
using System.Text;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>A file a user attaches reaches the handler typed, its bytes download, and a file the bot uploads arrives.</summary>
public sealed class FileTests
{
    [Theory]
    [InlineData("fetch")]
    [InlineData("webhook")]
    public async Task UserSendsAFile_BotReadsItsNameAndSizeAndSendsACopy(string eventMode)
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(
            new HostSettings(emulator, redis: null, eventMode)
                .Set($"ChatBotHost:Bots:{FileProbeBot.Code}:BotToken", "files-token-0123456789abcdef")
                .Set($"ChatBotHost:Bots:{FileProbeBot.Code}:EventMode", eventMode),
            typeof(FileProbeBot));
        var bot = emulator.Portal.FindBot(FileProbeBot.Code)!;
        var content = Encoding.UTF8.GetBytes("quarterly numbers: 1, 2, 3 — ✓");

        await emulator.Portal.SendUserFileAsync(1, bot.Id.ToString(CultureInfo.InvariantCulture), "report.txt", content);

        var said = await emulator.Portal.WaitForBotMessageAsync(m => m.PostedByBotId == bot.Id && m.Files.Count == 0, Waits.Reply, CancellationToken.None);
        Assert.Equal($"report.txt: {content.Length} bytes announced, {content.Length} read", said.Text);
        var copy = await emulator.Portal.WaitForBotMessageAsync(m => m.PostedByBotId == bot.Id && m.Files.Count == 1, Waits.Reply, CancellationToken.None);
        Assert.Equal("your copy", copy.Text);
        Assert.Equal("copy-report.txt", copy.Files[0].Name);
        Assert.Equal(content, copy.Files[0].Content);
        Assert.True(said.Id < copy.Id);
    }
}
