namespace ChatBotHost.Bitrix.Requests.Commands;

/// <summary>imbot.v2.Command.register: adds a slash command; idempotent per bot and command.</summary>
public sealed record CommandRegisterRequest : BotRequest<CommandResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Command.register";

    /// <summary>The command, its titles and flags (the new form: presence of fields selects it).</summary>
    public required CommandFields Fields { get; init; }
}
