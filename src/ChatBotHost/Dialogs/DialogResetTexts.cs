using ChatBotHost.Abstractions.Localization;

namespace ChatBotHost.Dialogs;

/// <summary>What the user is told when the host had to end their dialogs.</summary>
internal static class DialogResetTexts
{
    /// <summary>The bot's code changed and the conversation's saved dialog no longer fits it.</summary>
    public static LocalizedText BotUpdated { get; } = new(
        ("en", "This bot was updated and our conversation had to start over. Please begin again."),
        ("de", "Dieser Bot wurde aktualisiert, unser Gespräch musste neu beginnen. Bitte fangen Sie noch einmal an."),
        ("ru", "Бот обновился, и разговор пришлось начать заново. Пожалуйста, начните ещё раз."));
}
