using System.Text.Json.Nodes;

namespace ChatBotHost.Abstractions.Context;

/// <summary>What became of a confirmation button press (see <see cref="ContextPairing"/>).</summary>
/// <param name="Status">Confirmed, declined, or invalid (unknown, expired, used, or another user's).</param>
/// <param name="Context">The link's context, only when confirmed.</param>
public sealed record PairingOutcome(PairingStatus Status, JsonObject? Context)
{
    /// <summary>True when the user confirmed: act on <see cref="Context"/> now.</summary>
    public bool IsConfirmed => Status == PairingStatus.Confirmed;
}
