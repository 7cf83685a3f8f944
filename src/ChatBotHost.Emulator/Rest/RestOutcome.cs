using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Rest;

/// <summary>What a method call produced: a result or an error, with its HTTP status and timing.</summary>
internal sealed record RestOutcome(int Status, JsonNode? Result, string? Error, string? Description, DateTimeOffset Start, DateTimeOffset Finish)
{
    public bool Succeeded => Error is null;

    public static RestOutcome Failure(RestException error, DateTimeOffset start, DateTimeOffset finish) =>
        new(error.Status, null, error.Code, error.Message, start, finish);

    public JsonObject ErrorJson() => new() { ["error"] = Error, ["error_description"] = Description };

    /// <summary>The body Bitrix24 answers with: {"result", "time"} or {"error", "error_description"}.</summary>
    public JsonObject Body() => Succeeded
        ? new JsonObject { ["result"] = Result, ["time"] = TimeJson.For(Start, Finish) }
        : ErrorJson();
}
