namespace ChatBotHost.Bitrix.Requests.Commands;

/// <summary>imbot.v2.Command.update: changes a command; titles merge per language.</summary>
public sealed record CommandUpdateRequest : BotRequest<CommandResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Command.update";

    /// <summary>The command to change.</summary>
    public required int CommandId { get; init; }

    /// <summary>What to change.</summary>
    public required CommandFields Fields { get; init; }
}
