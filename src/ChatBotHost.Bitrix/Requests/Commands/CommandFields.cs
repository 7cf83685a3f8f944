namespace ChatBotHost.Bitrix.Requests.Commands;

/// <summary>The <c>fields</c> of Command.register and Command.update (spec §4.4, §7.2).</summary>
public sealed record CommandFields
{
    /// <summary>The command without its slash, e.g. help; required on registration.</summary>
    public string? Command { get; init; }

    /// <summary>Title per 2-letter language, e.g. {"en": "Help"}; required unless hidden. On update a null value deletes that language.</summary>
    public IReadOnlyDictionary<string, string?>? Title { get; init; }

    /// <summary>Parameter hint per language; applies only to languages present in the title.</summary>
    public IReadOnlyDictionary<string, string?>? Params { get; init; }

    /// <summary>Callable in every chat, even without the bot (default false).</summary>
    public bool? Common { get; init; }

    /// <summary>Left out of suggestions but still callable (default false).</summary>
    public bool? Hidden { get; init; }

    /// <summary>Extranet users may call it (default false).</summary>
    public bool? ExtranetSupport { get; init; }
}
