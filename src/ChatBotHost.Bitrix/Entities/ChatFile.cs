namespace ChatBotHost.Bitrix.Entities;

/// <summary>A file a message carries (spec §5.5 File); its bytes come through imbot.v2.File.download.</summary>
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
}
