using ChatBotHost.Abstractions.Declaration;

namespace ChatBotHost.Tests.Dialogs.Support;

/// <summary>The routes and dialogs a test declares for its <see cref="ScriptedBot"/>.</summary>
public sealed record BotScript(Action<BotBuilder> Declare);
