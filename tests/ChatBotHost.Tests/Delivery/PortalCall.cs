using System.Text.Json.Nodes;

namespace ChatBotHost.Tests.Delivery;

/// <summary>One REST call as the fake portal received it, plainly or inside a batch (parameters as decoded).</summary>
internal sealed record PortalCall(string Method, JsonObject Parameters)
{
    public string? DialogId => Parameters["dialogId"]?.ToString();

    public string? Text => Parameters["fields"]?["message"]?.ToString();
}
