using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Tests.Support;

/// <summary>One HTTP answer from the emulator: status and parsed body.</summary>
internal sealed record ApiAnswer(int Status, JsonObject Body)
{
    public JsonNode? Result => Body["result"];

    public string? Error => Body["error"]?.GetValue<string>();

    /// <summary>The result, failing the test with the error body when the call failed.</summary>
    public JsonNode Ok() =>
        Status == 200 && Result is not null ? Result : throw new Xunit.Sdk.XunitException($"Call failed ({Status}): {Body.ToJsonString()}");
}
