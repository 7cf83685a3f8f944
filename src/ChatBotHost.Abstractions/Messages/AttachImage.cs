namespace ChatBotHost.Abstractions.Messages;

/// <summary>One image of an attach IMAGE block.</summary>
public sealed record AttachImage
{
    /// <summary>The original image: an http(s) URL or a portal-relative "/path".</summary>
    public required string Link { get; init; }

    /// <summary>The image's name.</summary>
    public string? Name { get; init; }

    /// <summary>A thumbnail URL; recommended, since clients otherwise load the original.</summary>
    public string? Preview { get; init; }

    /// <summary>Width in pixels (give it with <see cref="Height"/>).</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels (give it with <see cref="Width"/>).</summary>
    public int? Height { get; init; }
}
