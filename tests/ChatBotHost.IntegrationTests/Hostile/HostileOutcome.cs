namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>What one hostile request got back and what it cost the process (the body itself is not kept).</summary>
internal sealed record HostileOutcome(
    int Id,
    string Kind,
    string Target,
    int Status,
    string AnswerText,
    TimeSpan Wall,
    TimeSpan Cpu,
    long Allocated,
    long BodyBytes,
    IReadOnlySet<int> Allowed,
    string? Marker,
    string? Note,
    bool DuringOutage);
