using System.Text;
using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Entities;

/// <summary>A bot as Bitrix24 describes it (spec §5.5); extended fields are present only for the owning application.</summary>
public sealed record BotInfo
{
    /// <summary>The bot's user id, which is also its botId.</summary>
    public int Id { get; init; }

    /// <summary>The code the bot was registered with, unique within the application.</summary>
    public string Code { get; init; } = "";

    /// <summary>bot, supervisor, personal, openline or network.</summary>
    public string? Type { get; init; }

    /// <summary>Hidden from the contact list.</summary>
    public bool IsHidden { get; init; }

    /// <summary>The bot also serves Open Channels.</summary>
    public bool IsSupportOpenline { get; init; }

    /// <summary>Users may react to the bot's messages.</summary>
    public bool IsReactionsEnabled { get; init; }

    /// <summary>Chat background, null for the default.</summary>
    public string? BackgroundId { get; init; }

    /// <summary>The bot's language.</summary>
    public string? Language { get; init; }

    /// <summary>fetch or webhook (owner only).</summary>
    public string? EventMode { get; init; }

    /// <summary>The module that owns the bot, e.g. rest (owner only).</summary>
    public string? ModuleId { get; init; }

    /// <summary>OAuth tokens for this bot's callbacks; present only in webhook-mode events.</summary>
    public JsonObject? Auth { get; init; }

    /// <summary>Prints the bot like a record does, but shows only whether Auth is present, never its tokens.</summary>
    /// <remarks>Every event prints its Bot, so this keeps OAuth tokens out of any log line that prints an event.</remarks>
    public override string ToString()
    {
        var builder = new StringBuilder("BotInfo { ");
        builder.Append("Id = ").Append(Id)
            .Append(", Code = ").Append(Code)
            .Append(", Type = ").Append(Type)
            .Append(", IsHidden = ").Append(IsHidden)
            .Append(", IsSupportOpenline = ").Append(IsSupportOpenline)
            .Append(", IsReactionsEnabled = ").Append(IsReactionsEnabled)
            .Append(", BackgroundId = ").Append(BackgroundId)
            .Append(", Language = ").Append(Language)
            .Append(", EventMode = ").Append(EventMode)
            .Append(", ModuleId = ").Append(ModuleId)
            .Append(", Auth = ").Append(Auth is null ? "(none)" : "(redacted)")
            .Append(" }");
        return builder.ToString();
    }
}
