using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Delivery;

/// <summary>An event waiting in a fetch-mode bot's queue; <see cref="Data"/> already holds data.bot.</summary>
internal sealed record QueuedEvent(long EventId, string Type, DateTimeOffset Date, JsonObject Data);
