namespace ChatBotHost.Bitrix.Requests.Commands;

/// <summary>imbot.v2.Command.unregister: deletes a command.</summary>
public sealed record CommandUnregisterRequest : BotRequest<OkResult>
{
    /// <inheritdoc />
    public override string Method => "imbot.v2.Command.unregister";

    /// <summary>The command to delete.</summary>
    public required int CommandId { get; init; }
}
