namespace ChatBotHost.Bitrix.Requests.Files;

/// <summary>imbot.v2.File.upload: posts a file (and a message with it) into a chat. Not allowed inside a batch.</summary>
public sealed record FileUploadRequest : BotRequest<FileUploadResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.File.upload";

    /// <summary>The chat.</summary>
    public required string DialogId { get; init; }

    /// <summary>Name, content and optional text.</summary>
    public required FileUploadFields Fields { get; init; }
}
