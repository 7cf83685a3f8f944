using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests.Bots;

/// <summary>The <c>fields</c> of Bot.update (spec §4.1); only what is set changes.</summary>
public sealed record BotUpdateFields
{
    /// <summary>Profile changes; an invalid colour is ignored.</summary>
    public BotProperties? Properties { get; init; }

    /// <summary>Hide the bot from the contact list.</summary>
    public bool? IsHidden { get; init; }

    /// <summary>Allow reactions to the bot's messages.</summary>
    public bool? IsReactionsEnabled { get; init; }

    /// <summary>Also serve Open Channels.</summary>
    public bool? IsSupportOpenline { get; init; }

    /// <summary>New chat background; see <see cref="ResetBackground"/> to go back to the default.</summary>
    public string? BackgroundId { get; init; }

    /// <summary>Send backgroundId: null, which resets the background to the default.</summary>
    [JsonIgnore]
    public bool ResetBackground { get; init; }

    /// <summary>fetch or webhook.</summary>
    public string? EventMode { get; init; }

    /// <summary>New webhook URL.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>The NEW token (rotation, ≤ 40 chars); the current one travels at the top level. The old one dies at once.</summary>
    public string? BotToken { get; init; }

    // An explicit null cannot be expressed through nullable properties when nulls are omitted, so it rides as extension data.
    [JsonExtensionData]
    [JsonInclude]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("CodeQuality", "IDE0051", Justification = "Read by System.Text.Json through [JsonInclude].")]
    private Dictionary<string, object?>? ExplicitNulls =>
        ResetBackground && BackgroundId is null ? new Dictionary<string, object?> { ["backgroundId"] = null } : null;
}
