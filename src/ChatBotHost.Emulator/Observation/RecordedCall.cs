namespace ChatBotHost.Emulator.Observation;

/// <summary>One REST call the portal answered (or dropped, status 499); never carries parameters or secrets.</summary>
public sealed record RecordedCall(string Method, int StatusCode, string? Error, DateTimeOffset Timestamp)
{
    /// <summary>The status recorded when the client went away while the call was held.</summary>
    public const int ClientClosedRequest = 499;

    /// <summary>True for a sub-call executed inside a batch request.</summary>
    public bool InBatch { get; init; }

    /// <summary>True when the answer was an injected fault (PortalFaults), not the portal's own doing.</summary>
    public bool Injected { get; init; }
}
