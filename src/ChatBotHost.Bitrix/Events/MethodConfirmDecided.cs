using System.Globalization;

namespace ChatBotHost.Bitrix.Events;

/// <summary>
/// The portal administrator decided on a method the application asked to use (ONAPPMETHODCONFIRM, OAuth mode only).
/// The host hands it to each dialog whose call was answered METHOD_CONFIRM_WAITING for that method, through the inbox,
/// so the dialog can make the call again (allowed) or tell the user it was refused.
/// </summary>
public sealed record MethodConfirmDecided : BotEvent
{
    /// <summary>The event's wire name.</summary>
    public const string WireType = "ONAPPMETHODCONFIRM";

    /// <inheritdoc />
    public override string Type => WireType;

    /// <summary>The REST method decided on, e.g. tasks.task.add.</summary>
    public string Method { get; init; } = "";

    /// <summary>True when the administrator allowed the method; false when they denied it.</summary>
    public bool Allowed { get; init; }

    /// <summary>The portal key the decision came from.</summary>
    public string Portal { get; init; } = "";

    /// <summary>The dialog whose call waited for the decision.</summary>
    public string? TargetDialogId { get; init; }

    /// <inheritdoc />
    public override string? DialogId => TargetDialogId;

    /// <summary>True when this decision is about <paramref name="method"/> (method names are case-insensitive).</summary>
    public bool IsAbout(string method) => string.Equals(Method, method, StringComparison.OrdinalIgnoreCase);

    // The dialog is part of the key: deduplication is per bot, and each waiting dialog of the bot gets its own copy.
    /// <inheritdoc />
    protected override string NaturalKey =>
        $"{Method}:{(Allowed ? 1 : 0)}:{TargetDialogId}:{Date?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";
}
