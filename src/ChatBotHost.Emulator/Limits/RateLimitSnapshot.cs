namespace ChatBotHost.Emulator.Limits;

/// <summary>The portal's request counters at one moment, read together.</summary>
/// <param name="Accepted">REST requests admitted (authenticated and not refused), counted also when no limit is set.</param>
/// <param name="Refused">Requests refused with QUERY_LIMIT_EXCEEDED by the rate limit (injected faults not included).</param>
/// <param name="Level">The bucket's counter now (0 when no limit is set).</param>
/// <param name="PeakLevel">The highest the counter has been since the start (or since the limit was last set).</param>
public sealed record RateLimitSnapshot(long Accepted, long Refused, double Level, double PeakLevel);
