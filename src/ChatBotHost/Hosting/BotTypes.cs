namespace ChatBotHost.Hosting;

/// <summary>The bot classes to serve; discovered from the bot assemblies unless registered explicitly (tests do).</summary>
internal sealed record BotTypes(IReadOnlyList<Type> Types);
