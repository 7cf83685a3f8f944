using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatBotHost.Bots.Digest;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>
/// The digest sample against the emulator over real HTTP: a file's name and size come in the turn, its SHA-256 after
/// it through the host's real IBotMessenger; /subscribe arms a timer that sends the digest and re-arms for the next day.
/// </summary>
public sealed class DigestSampleTests
{
    [Theory]
    [InlineData("fetch")]
    [InlineData("webhook")]
    public async Task UserSendsAFile_SizeComesFirstThenTheHashAsAProactiveMessage(string eventMode)
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis: null, eventMode), typeof(DigestBot));
        var chat = new Chat(emulator, "digest");
        var content = Encoding.UTF8.GetBytes("minutes of the meeting — ✓");

        await emulator.Portal.SendUserFileAsync(1, chat.DialogId, "minutes.txt", content);

        var size = await chat.ExpectAsync("minutes.txt:");
        Assert.Equal($"minutes.txt: {content.Length.ToString(CultureInfo.InvariantCulture)} B. Its SHA-256 follows shortly.", size.Text);
        var hash = await chat.ExpectAsync("SHA-256 of");
        Assert.Equal($"SHA-256 of minutes.txt: {Convert.ToHexStringLower(SHA256.HashData(content))}", hash.Text);
        Assert.True(size.Id < hash.Id);
        Assert.Equal(1, chat.Count("SHA-256 of"));
    }

    [Fact]
    public async Task Subscribe_ClockPassesTheTime_DigestArrivesAndIsReArmedForTheNextDay()
    {
        var clock = new JumpingClock(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis: null, "webhook") { Services = s => s.AddSingleton<TimeProvider>(clock) };
        await using var host = await InProcessHost.StartAsync(settings, typeof(DigestBot));
        var chat = new Chat(emulator, "digest");

        await chat.SayAsync("hello");
        await chat.ExpectAsync("Send me a file");
        await chat.SayAsync("/subscribe 09:00");
        await chat.ExpectAsync("Subscribed: a digest of this chat every day at 09:00 UTC.");
        Assert.Equal(0, chat.Count("📰"));

        clock.Jump(TimeSpan.FromHours(1));
        var first = await chat.ExpectAsync("📰");
        Assert.Equal("📰 Digest since 2026-12-07 08:00 UTC: 1 message, 0 files.", first.Text);

        clock.Jump(TimeSpan.FromDays(1));
        var second = await chat.ExpectAsync(t => t.StartsWith("📰", StringComparison.Ordinal) && chat.Count("📰") == 2);
        Assert.StartsWith("📰 Digest: nothing new since 2026-12-07 09:", second.Text, StringComparison.Ordinal);
    }
}
