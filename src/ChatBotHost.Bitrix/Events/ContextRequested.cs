using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Events;

/// <summary>
/// A user opened the bot through a BOT_CONTEXT link. It can be triggered cross-site:
/// never act on it directly, ask the user to confirm first (spec §7.1).
/// </summary>
public sealed record ContextRequested : ChatEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMBOTV2CONTEXTGET";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <summary>The JSON object carried by the link (in webhook mode its scalars arrive as strings).</summary>
    public JsonObject Context { get; init; } = [];

    /// <inheritdoc />
    protected override string NaturalKey => $"{DialogId}:{User.Id}:{Date?.ToUnixTimeSeconds()}:{StableHash.OfForm(Context)}";
}
