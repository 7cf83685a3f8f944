using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Portal;

/// <summary>A snapshot of a registered bot. Secrets are kept out of <see cref="ToString"/>.</summary>
public sealed class EmulatedBot
{
    public required int Id { get; init; }

    public required string Code { get; init; }

    /// <summary>The bot's current botToken (webhook auth); internal so it stays out of test output.</summary>
    internal string Token { get; init; } = "";

    public required string Type { get; init; }

    public required string EventMode { get; init; }

    public Uri? WebhookUrl { get; init; }

    /// <summary>The bot's properties (name, lastName, color, …) as a copy.</summary>
    public required JsonObject Properties { get; init; }

    public required IReadOnlyList<EmulatedCommand> Commands { get; init; }

    /// <summary>Events waiting in the fetch queue (not yet acknowledged by an Event.get offset).</summary>
    public required int PendingEventCount { get; init; }

    /// <summary>The synthetic application_token sent in the top-level auth of webhook deliveries.</summary>
    public required string ApplicationToken { get; init; }

    public bool IsHidden { get; init; }

    public bool IsReactionsEnabled { get; init; }

    public string Name => Properties["name"]?.GetValue<string>() ?? Code;

    public override string ToString() => $"Bot {Id} '{Code}' ({Type}, {EventMode}, {PendingEventCount} pending)";
}
