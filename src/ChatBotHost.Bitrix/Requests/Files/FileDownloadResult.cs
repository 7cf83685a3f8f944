namespace ChatBotHost.Bitrix.Requests.Files;

/// <summary>Where to GET the file.</summary>
public sealed record FileDownloadResult
{
    /// <summary>A one-time URL carrying its own token; use it unmodified (a string, so nothing re-escapes it) and never log it.</summary>
    public required string DownloadUrl { get; init; }
}
