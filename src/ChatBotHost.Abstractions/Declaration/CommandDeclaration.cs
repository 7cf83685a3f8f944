namespace ChatBotHost.Abstractions.Declaration;

/// <summary>A slash command the bot registers (imbot.v2.Command.register).</summary>
public sealed record CommandDeclaration
{
    /// <summary>The command without its slash, e.g. help.</summary>
    public required string Name { get; init; }

    /// <summary>Title per two-letter language code; "en" is used when nothing else fits.</summary>
    public IReadOnlyDictionary<string, string> Title { get; init; } = new Dictionary<string, string>();

    /// <summary>Parameter hint per language code, e.g. "topic".</summary>
    public IReadOnlyDictionary<string, string> Params { get; init; } = new Dictionary<string, string>();

    /// <summary>Available in every chat, even those without the bot.</summary>
    public bool Common { get; init; }

    /// <summary>Not listed in the / suggestions (e.g. commands only keyboard buttons send).</summary>
    public bool Hidden { get; init; }

    /// <summary>Extranet users may call it.</summary>
    public bool ExtranetSupport { get; init; }
}
