namespace ChatBotHost.Abstractions.Declaration;

/// <summary>A configured bot: what is registered on the portal and how its events are routed.</summary>
public sealed record BotDefinition(
    BotProfile Profile,
    IReadOnlyList<CommandDeclaration> Commands,
    IReadOnlyList<Route> Routes,
    IReadOnlyList<Type> Middleware)
{
    /// <summary>The bot's code.</summary>
    public string Code => Profile.Code;
}
