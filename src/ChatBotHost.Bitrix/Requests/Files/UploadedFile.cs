using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Requests.Files;

/// <summary>A file stored in the chat's Drive folder (spec §5.5 File).</summary>
public sealed record UploadedFile
{
    /// <summary>Drive file id, for File.download.</summary>
    public int Id { get; init; }

    /// <summary>The chat.</summary>
    public int ChatId { get; init; }

    /// <summary>file, image, video or audio.</summary>
    public string? Type { get; init; }

    /// <summary>File name.</summary>
    public string? Name { get; init; }

    /// <summary>Lower-case extension.</summary>
    public string? Extension { get; init; }

    /// <summary>Size in bytes.</summary>
    public long Size { get; init; }

    /// <summary>Who uploaded it.</summary>
    public int AuthorId { get; init; }

    /// <summary>{height, width} for images; false otherwise, hence untyped.</summary>
    public JsonNode? Image { get; init; }
}
