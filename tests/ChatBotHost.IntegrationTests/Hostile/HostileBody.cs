namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// A generated request body and what the host may answer to it. <see cref="Marker"/> is set only for bodies that are
/// still well-formed events of the probe bot (so a handler may legitimately see them); the handled text then starts
/// with it. Every other body must never reach a handler.
/// </summary>
internal sealed record HostileBody(byte[] Bytes, string? ContentType, IReadOnlySet<int> Allowed, string? Marker = null)
{
    public bool Chunked { get; init; }

    public string? Note { get; init; }
}
