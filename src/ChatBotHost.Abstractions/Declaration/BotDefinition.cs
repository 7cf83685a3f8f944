namespace ChatBotHost.Abstractions.Declaration;

/// <summary>A configured bot: what is registered on the portal, how its events are routed, its dialogs and jobs.</summary>
public sealed record BotDefinition(
    BotProfile Profile,
    IReadOnlyList<CommandDeclaration> Commands,
    IReadOnlyList<Route> Routes,
    IReadOnlyList<Type> Middleware)
{
    /// <summary>The bot's code.</summary>
    public string Code => Profile.Code;

    /// <summary>The dialog classes the bot declared; a running dialog is resumed by its class name.</summary>
    public IReadOnlyList<Type> Dialogs { get; init; } = [];

    /// <summary>The class the bot's own settings bind to (<see cref="BotBuilder.Settings{TSettings}"/>), or null.</summary>
    public Type? SettingsType { get; init; }

    /// <summary>The recurring jobs the bot declared.</summary>
    public IReadOnlyList<CronJob> CronJobs { get; init; } = [];

    /// <summary>The declared dialog with this id (class name), or null.</summary>
    public Type? FindDialog(string id) =>
        Dialogs.FirstOrDefault(d => string.Equals(ChatBotHost.Abstractions.Dialogs.DialogBase.IdOf(d), id, StringComparison.Ordinal));
}
