using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Abstractions.Context;

/// <summary>
/// The BOT_CONTEXT pairing flow of spec §7.1. A CONTEXTGET can be triggered cross-site, so it is never acted on: the
/// bot offers a confirmation keyboard under a fresh 64-hex code from a CSPRNG, and acts only when the same user presses
/// Confirm before the code expires. The pending pairing lives in the dialog's state, saved with the turn under a
/// version check, so a code is decided once even when two presses race; unknown, expired, used and other users' codes
/// all come back <see cref="PairingStatus.Invalid"/>, so the answer tells nothing about which.
/// </summary>
public static class ContextPairing
{
    /// <summary>The command the buttons send; declare it: <c>bot.Command(ContextPairing.Command, "Confirm a link", …)</c>.</summary>
    public const string Command = "confirm";

    /// <summary>How long a code waits for the press (spec: about 10–15 minutes).</summary>
    public static readonly TimeSpan Ttl = TimeSpan.FromMinutes(15);

    private const string KeyPrefix = "cbh.pairing:";

    /// <summary>Asks the user who followed the link to confirm it (Confirm / Decline buttons); stores nothing else.</summary>
    public static async Task OfferContextAsync(this ITurnContext turn, ContextRequested request, string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(request);
        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        turn.State.Set(KeyPrefix + code, new PendingPairing(request.User.Id, request.Context.ToJsonString(), Now(turn) + Ttl));
        var keyboard = new Keyboard()
            .Command("Confirm", Command, "yes " + code)
            .Command("Decline", Command, "no " + code);
        await turn.ReplyAsync(question, keyboard, cancellationToken);
    }

    /// <summary>Decides the pairing a press of the keyboard names; the code is used up whatever the answer.</summary>
    public static async Task<PairingOutcome> DecideContextAsync(this ITurnContext turn, CommandInvoked command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        var invalid = new PairingOutcome(PairingStatus.Invalid, null);
        var words = command.Params.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length != 2 || words[0] is not ("yes" or "no") || words[1].Length != 64 || !words[1].All(char.IsAsciiHexDigitLower))
        {
            return invalid;
        }

        var key = KeyPrefix + words[1];
        if (await turn.State.GetAsync<PendingPairing>(key, cancellationToken) is not { } pending || pending.UserId != command.User.Id)
        {
            // Another user's press leaves the code to its owner.
            return invalid;
        }

        turn.State.Remove(key);
        if (Now(turn) >= pending.ExpiresAt)
        {
            return invalid;
        }

        return words[0] == "yes"
            ? new PairingOutcome(PairingStatus.Confirmed, JsonNode.Parse(pending.Context) as JsonObject ?? [])
            : new PairingOutcome(PairingStatus.Declined, null);
    }

    private static DateTimeOffset Now(ITurnContext turn) =>
        (turn.Services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
}
