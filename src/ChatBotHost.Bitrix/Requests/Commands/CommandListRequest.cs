namespace ChatBotHost.Bitrix.Requests.Commands;

/// <summary>imbot.v2.Command.list: the bot's commands with localized titles.</summary>
public sealed record CommandListRequest : BotRequest<CommandListResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Command.list";
}
