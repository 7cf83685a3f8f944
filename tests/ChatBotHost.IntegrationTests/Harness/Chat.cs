using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.IntegrationTests.Harness;

/// <summary>A user's private chat with one bot on the emulated portal, as a test drives it.</summary>
internal sealed class Chat(BitrixEmulator emulator, string botCode, int userId = 1)
{
    private EmulatedPortal Portal => emulator.Portal;

    public string DialogId => Portal.FindBot(botCode)!.Id.ToString(CultureInfo.InvariantCulture);

    public IReadOnlyList<EmulatedMessage> BotMessages =>
        Portal.GetMessages(userId, DialogId).Where(m => m.PostedByBotId is not null).ToArray();

    public Task SayAsync(string text) => Portal.SendUserMessageAsync(userId, DialogId, text);

    /// <summary>Waits for a bot message in this chat whose text passes the check and returns it.</summary>
    public Task<EmulatedMessage> ExpectAsync(Func<string, bool> text, TimeSpan? within = null) =>
        Portal.WaitForBotMessageAsync(
            m => text(m.Text) && BotMessages.Any(b => b.Id == m.Id), within ?? Waits.Reply, CancellationToken.None);

    public Task<EmulatedMessage> ExpectAsync(string startsWith, TimeSpan? within = null) =>
        ExpectAsync(t => t.StartsWith(startsWith, StringComparison.Ordinal), within);

    /// <summary>Presses the button with this label on the newest bot message that has one.</summary>
    public Task PressAsync(string label)
    {
        foreach (var message in BotMessages.Reverse())
        {
            var buttons = (message.Keyboard as JsonObject)?["BUTTONS"] as JsonArray ?? message.Keyboard as JsonArray;
            var button = buttons?.OfType<JsonObject>().FirstOrDefault(b => (string?)b["TEXT"] == label);
            if (button is not null)
            {
                return Portal.PressButtonAsync(userId, message.Id, (string)button["COMMAND"]!, (string?)button["COMMAND_PARAMS"]);
            }
        }

        throw new InvalidOperationException($"No bot message in dialog {DialogId} has a button \"{label}\".");
    }

    /// <summary>How many bot messages in this chat start with the text.</summary>
    public int Count(string startsWith) => BotMessages.Count(m => m.Text.StartsWith(startsWith, StringComparison.Ordinal));
}
