namespace ChatBotHost.Emulator.Portal;

/// <summary>A file in a chat's Drive folder: uploaded by a bot (File.upload) or attached by a user.</summary>
public sealed record EmulatedFile(int Id, int ChatId, string Name, byte[] Content, int AuthorId, string AuthorName, DateTimeOffset Date)
{
    /// <summary>The lower-case extension, without the dot.</summary>
    public string Extension => System.IO.Path.GetExtension(Name).TrimStart('.').ToLowerInvariant();

    /// <summary>file, image, video or audio, from the extension (spec §5.5).</summary>
    public string Type => Extension switch
    {
        "png" or "jpg" or "jpeg" or "gif" or "webp" or "bmp" => "image",
        "mp4" or "mov" or "webm" or "avi" => "video",
        "mp3" or "ogg" or "wav" or "m4a" or "opus" => "audio",
        _ => "file",
    };
}
