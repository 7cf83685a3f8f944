using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>CONTEXTGET is never acted on: the bot asks, and links only when the same user confirms a live code once.</summary>
public sealed class ContextPairingTests
{
    [Fact]
    public async Task Context_ConfirmedOnce_LinksOnceAndASecondPressIsInvalid()
    {
        await using var rig = await Rig.StartAsync();
        await rig.Emulator.Portal.SendContextAsync(1, rig.BotId, new JsonObject { ["account"] = "acme-42" });

        var offer = await rig.WaitAsync(m => m.Text == "Link your account?");
        Assert.DoesNotContain(rig.Emulator.Portal.GetMessages(null), m => m.Text.StartsWith("linked", StringComparison.Ordinal));
        var confirm = Button(offer, 0);
        Assert.Matches("^yes [0-9a-f]{64}$", confirm);

        await rig.Emulator.Portal.PressButtonAsync(1, offer.Id, "confirm", confirm);
        Assert.Equal("linked acme-42", (await rig.WaitAsync(m => m.Text.StartsWith("linked", StringComparison.Ordinal))).Text);
        await rig.Emulator.Portal.SendUserMessageAsync(1, rig.Dialog, "/confirm " + confirm);
        await rig.WaitAsync(m => m.Text == "This confirmation is no longer valid.");
        Assert.Single(rig.Emulator.Portal.GetMessages(null), m => m.Text.StartsWith("linked", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("yes 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("yes short")]
    [InlineData("")]
    public async Task Confirm_WithAnUnknownCode_IsAnsweredAlikeAndLinksNothing(string parameters)
    {
        await using var rig = await Rig.StartAsync();

        await rig.Emulator.Portal.SendUserMessageAsync(1, rig.Dialog, ("/confirm " + parameters).Trim());

        await rig.WaitAsync(m => m.Text == "This confirmation is no longer valid.");
    }

    [Fact]
    public async Task Decline_LinksNothing()
    {
        await using var rig = await Rig.StartAsync();
        await rig.Emulator.Portal.SendContextAsync(1, rig.BotId, new JsonObject { ["account"] = "acme-42" });
        var offer = await rig.WaitAsync(m => m.Text == "Link your account?");

        await rig.Emulator.Portal.PressButtonAsync(1, offer.Id, "confirm", Button(offer, 1));

        await rig.WaitAsync(m => m.Text == "not linked");
        Assert.DoesNotContain(rig.Emulator.Portal.GetMessages(null), m => m.Text.StartsWith("linked", StringComparison.Ordinal));
    }

    private static string Button(EmulatedMessage message, int index) =>
        message.Keyboard!["BUTTONS"]![index]!["COMMAND_PARAMS"]!.GetValue<string>();

    private sealed record Rig(BitrixEmulator Emulator, InProcessHost Host, int BotId) : IAsyncDisposable
    {
        public string Dialog => BotId.ToString(CultureInfo.InvariantCulture);

        public static async Task<Rig> StartAsync()
        {
            var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
            var host = await InProcessHost.StartAsync(
                new HostSettings(emulator, redis: null, "webhook")
                    .Set($"ChatBotHost:Bots:{PairingProbeBot.Code}:BotToken", "pairing-token-0123456789abcdef")
                    .Set($"ChatBotHost:Bots:{PairingProbeBot.Code}:EventMode", "webhook"),
                typeof(PairingProbeBot));
            return new Rig(emulator, host, emulator.Portal.FindBot(PairingProbeBot.Code)!.Id);
        }

        public Task<EmulatedMessage> WaitAsync(Func<EmulatedMessage, bool> predicate) =>
            Emulator.Portal.WaitForBotMessageAsync(m => m.PostedByBotId == BotId && predicate(m), Waits.Reply, CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }
}
