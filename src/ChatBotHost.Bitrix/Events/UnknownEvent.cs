using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Events;

/// <summary>An event type this host does not know; it is logged and acknowledged, never a crash.</summary>
public sealed record UnknownEvent : BotEvent
{
    /// <summary>The wire name as received.</summary>
    public string WireName { get; init; } = "";

    /// <inheritdoc />
    public override string Type => WireName;

    /// <summary>The raw data object.</summary>
    public JsonObject Data { get; init; } = [];

    /// <inheritdoc />
    protected override string NaturalKey => $"{Date?.ToUnixTimeSeconds()}:{StableHash.OfForm(Data)}";
}
