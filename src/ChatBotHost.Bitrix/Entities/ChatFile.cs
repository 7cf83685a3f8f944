using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Entities;

/// <summary>
/// The spec's File (§5.5): a file a message carries, and the file File.upload stored. Its bytes come through
/// imbot.v2.File.download.
/// </summary>
public sealed record ChatFile
{
    /// <summary>Drive file id, for File.download.</summary>
    public int Id { get; init; }

    /// <summary>The chat.</summary>
    public int ChatId { get; init; }

    /// <summary>file, image, video or audio.</summary>
    public string? Type { get; init; }

    /// <summary>File name with its extension; null when the event named only the id.</summary>
    public string? Name { get; init; }

    /// <summary>Lower-case extension.</summary>
    public string? Extension { get; init; }

    /// <summary>Size in bytes; 0 when the event named only the id.</summary>
    public long Size { get; init; }

    /// <summary>Who uploaded it.</summary>
    public int AuthorId { get; init; }

    /// <summary>The uploader's name.</summary>
    public string? AuthorName { get; init; }

    /// <summary>An image's dimensions; null for other files (Bitrix24 sends false) and when the event did not say.</summary>
    [JsonConverter(typeof(ChatFileImageConverter))]
    public ChatFileImage? Image { get; init; }
}

/// <summary>An image file's dimensions in pixels.</summary>
/// <param name="Height">Height in pixels.</param>
/// <param name="Width">Width in pixels.</param>
public sealed record ChatFileImage(int Height, int Width);
