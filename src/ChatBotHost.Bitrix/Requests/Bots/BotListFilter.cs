namespace ChatBotHost.Bitrix.Requests.Bots;

/// <summary>The <c>filter</c> of Bot.list.</summary>
public sealed record BotListFilter
{
    /// <summary>Only bots of this type; an unknown type yields an empty list.</summary>
    public string? Type { get; init; }
}
