namespace ChatBotHost.Hosting;

/// <summary>The bot classes to serve; registered in code by tests and the bench; otherwise the host serves the bots folder.</summary>
internal sealed record BotTypes(IReadOnlyList<Type> Types);
