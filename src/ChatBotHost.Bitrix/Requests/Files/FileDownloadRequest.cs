namespace ChatBotHost.Bitrix.Requests.Files;

/// <summary>imbot.v2.File.download: a one-time download URL for a file. Not allowed inside a batch.</summary>
public sealed record FileDownloadRequest : BotRequest<FileDownloadResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.File.download";

    /// <summary>The Drive file id.</summary>
    public required int FileId { get; init; }

    /// <summary>The chat; the quick start sends it, the method page does not (harmless either way).</summary>
    public string? DialogId { get; init; }
}
