using ChatBotHost.Bitrix.Entities;

namespace ChatBotHost.Bitrix.Events;

/// <summary>A user invoked one of the bot's commands: typed, chosen from a menu, or pressed as a keyboard button.</summary>
public sealed record CommandInvoked : ChatEvent
{
    /// <summary>The wire name.</summary>
    public const string WireType = "ONIMBOTV2COMMANDADD";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <summary>The registered command's id, needed for Command.answer.</summary>
    public int CommandId { get; init; }

    /// <summary>The command with its slash, e.g. /help.</summary>
    public string Command { get; init; } = "";

    /// <summary>The text after the command, or a keyboard button's COMMAND_PARAMS.</summary>
    public string Params { get; init; } = "";

    /// <summary>textarea, keyboard or menu.</summary>
    public string? Context { get; init; }

    /// <summary>The message that carried the command.</summary>
    public Message Message { get; init; } = new();

    /// <summary>The command name without its slash, lower-cased, for routing.</summary>
    public string Name => Command.TrimStart('/').ToLowerInvariant();

    /// <inheritdoc />
    protected override string NaturalKey => $"{Message.Id}:{CommandId}";
}
