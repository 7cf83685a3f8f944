using System.Text.Json.Nodes;

namespace ChatBotHost.Testing;

/// <summary>A REST call the bot made by name (turn.Rest), as the test portal received it.</summary>
/// <param name="Method">The method, e.g. crm.lead.add.</param>
/// <param name="Parameters">The parameters as sent (for a list page, with its <c>start</c>).</param>
public sealed record RestCall(string Method, JsonObject Parameters);
