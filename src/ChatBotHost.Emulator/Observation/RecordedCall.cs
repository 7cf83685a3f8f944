namespace ChatBotHost.Emulator.Observation;

/// <summary>One REST call the portal answered (or dropped, status 499); never carries parameters or secrets.</summary>
public sealed record RecordedCall(string Method, int StatusCode, string? Error, DateTimeOffset Timestamp)
{
    /// <summary>True for a sub-call executed inside a batch request.</summary>
    public bool InBatch { get; init; }

    /// <summary>The status recorded when the client went away while the call was held.</summary>
    public const int ClientClosedRequest = 499;
}
