using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Bots;

/// <summary>imbot.v2.Bot.list: the application's bots, a page at a time.</summary>
public sealed record BotListRequest : BitrixRequest<BotListResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Bot.list";

    /// <summary>Optional filter.</summary>
    public BotListFilter? Filter { get; init; }

    /// <summary>Page size (server default 50).</summary>
    public int? Limit { get; init; }

    /// <summary>How many to skip.</summary>
    public int? Offset { get; init; }
}
