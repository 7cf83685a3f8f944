namespace ChatBotHost.Bitrix.Entities;

/// <summary>A registered bot command (spec §5.5).</summary>
public sealed record CommandInfo
{
    /// <summary>Command id.</summary>
    public int Id { get; init; }

    /// <summary>The owning bot.</summary>
    public int BotId { get; init; }

    /// <summary>The command with its leading slash, e.g. /help.</summary>
    public string Command { get; init; } = "";

    /// <summary>Available in every chat.</summary>
    public bool Common { get; init; }

    /// <summary>Not listed in suggestions.</summary>
    public bool Hidden { get; init; }

    /// <summary>Extranet users may call it.</summary>
    public bool ExtranetSupport { get; init; }

    /// <summary>Localized title (Command.list only).</summary>
    public string? Title { get; init; }

    /// <summary>Localized parameter hint (Command.list only).</summary>
    public string? Params { get; init; }
}
