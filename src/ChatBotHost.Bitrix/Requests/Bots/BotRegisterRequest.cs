using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Bots;

/// <summary>imbot.v2.Bot.register: creates the bot, or returns the existing one unchanged when the code is taken by us.</summary>
public sealed record BotRegisterRequest : BitrixRequest<BotResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Bot.register";

    /// <summary>Code, profile, type, event mode and flags.</summary>
    public required BotFields Fields { get; init; }
}
