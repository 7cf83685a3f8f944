using System.Net;
using System.Text.Json.Nodes;

namespace ChatBotHost.Tests.Delivery;

/// <summary>What the fake portal answers to one call: a result, or an error envelope with its HTTP status.</summary>
internal sealed record PortalAnswer(JsonNode? Result, string? Error = null, HttpStatusCode Status = HttpStatusCode.OK, long? OperatingResetAt = null)
{
    public static PortalAnswer Fail(string error, HttpStatusCode status) => new(null, error, status);
}
