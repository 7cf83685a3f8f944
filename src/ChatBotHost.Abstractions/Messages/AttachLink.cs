namespace ChatBotHost.Abstractions.Messages;

/// <summary>The value of an attach LINK block: a link with a title, description and optional preview image.</summary>
public sealed record AttachLink
{
    /// <summary>The target: an http(s) URL or a portal-relative "/path".</summary>
    public required string Link { get; init; }

    /// <summary>The title shown instead of the address.</summary>
    public string? Name { get; init; }

    /// <summary>A description under the title.</summary>
    public string? Desc { get; init; }

    /// <summary>An HTML description, shown instead of <see cref="Desc"/>.</summary>
    public string? Html { get; init; }

    /// <summary>The URL of a preview image.</summary>
    public string? Preview { get; init; }

    /// <summary>Preview width in pixels.</summary>
    public int? Width { get; init; }

    /// <summary>Preview height in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>Opens this portal user inside the messenger.</summary>
    public int? UserId { get; init; }

    /// <summary>Opens this chat inside the messenger.</summary>
    public int? ChatId { get; init; }

    /// <summary>Links to this Bitrix24 Network user.</summary>
    public string? NetworkId { get; init; }
}
