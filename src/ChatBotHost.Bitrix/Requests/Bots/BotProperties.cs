namespace ChatBotHost.Bitrix.Requests.Bots;

/// <summary>The bot user's profile (<c>fields.properties</c> of Bot.register and Bot.update).</summary>
public sealed record BotProperties
{
    /// <summary>Display name; required on registration.</summary>
    public string? Name { get; init; }

    /// <summary>Last name.</summary>
    public string? LastName { get; init; }

    /// <summary>Job title shown under the name.</summary>
    public string? WorkPosition { get; init; }

    /// <summary>Colour code such as mint or lightBlue (spec §4.2); automatic when omitted.</summary>
    public string? Color { get; init; }

    /// <summary>M or F.</summary>
    public string? Gender { get; init; }

    /// <summary>Raw Base64 image without a data: prefix, at most 5000×5000 px.</summary>
    public string? Avatar { get; init; }
}
