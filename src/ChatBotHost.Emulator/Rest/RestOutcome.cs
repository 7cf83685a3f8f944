using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Rest;

/// <summary>What a method call produced: a result or an error, with its HTTP status and timing.</summary>
internal sealed record RestOutcome(int Status, JsonNode? Result, string? Error, string? Description, DateTimeOffset Start, DateTimeOffset Finish)
{
    public bool Succeeded => Error is null;

    /// <summary>Set on OPERATION_TIME_LIMIT: the failure then carries a "time" object, as the real portal's does.</summary>
    public DateTimeOffset? OperatingResetAt { get; init; }

    /// <summary>A list method's "next" and "total"; null for every other method.</summary>
    public ListPage? Page { get; init; }

    public static RestOutcome Failure(RestException error, DateTimeOffset start, DateTimeOffset finish) =>
        new(error.Status, null, error.Code, error.Message, start, finish) { OperatingResetAt = error.OperatingResetAt };

    public JsonObject ErrorJson() => new() { ["error"] = Error, ["error_description"] = Description };

    /// <summary>The sub-call's entry in a batch's result_time.</summary>
    public JsonObject BatchTime() =>
        TimeJson.For(Start, Finish, withOperating: OperatingResetAt is not null, OperatingResetAt);

    /// <summary>The body Bitrix24 answers with: {"result", "time"} or {"error", "error_description"[, "time"]}.</summary>
    public JsonObject Body()
    {
        if (Succeeded)
        {
            var body = new JsonObject { ["result"] = Result };
            if (Page is not null)
            {
                // Bitrix24 writes "next" only when more follow, "total" always, both beside "result".
                if (Page.Next is { } next)
                {
                    body["next"] = next;
                }

                body["total"] = Page.Total;
            }

            body["time"] = TimeJson.For(Start, Finish);
            return body;
        }

        var error = ErrorJson();
        if (OperatingResetAt is not null)
        {
            error["time"] = TimeJson.For(Start, Finish, withOperating: true, OperatingResetAt);
        }

        return error;
    }
}
