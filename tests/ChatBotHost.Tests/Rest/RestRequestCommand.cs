using System.Text.Json.Nodes;

namespace ChatBotHost.Tests.Rest;

/// <summary>One command as the test portal received it (for a plain call, the name is the method).</summary>
internal sealed record RestRequestCommand(string Name, string Method, JsonObject Parameters);
