namespace ChatBotHost.Abstractions.Messages;

/// <summary>One file of an attach FILE block, linked rather than uploaded (Bitrix24 neither copies it nor checks access).</summary>
public sealed record AttachFile
{
    /// <summary>The file: an http(s) URL or a portal-relative "/path".</summary>
    public required string Link { get; init; }

    /// <summary>The file name with extension; the client picks the icon from it.</summary>
    public string? Name { get; init; }

    /// <summary>The size in bytes, shown as given (Bitrix24 does not check it).</summary>
    public long? Size { get; init; }
}
