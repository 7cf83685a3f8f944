using ChatBotHost.Abstractions.Declaration;

namespace ChatBotHost.Tests.Dialogs.Support;

/// <summary>A bot whose declaration each test writes inline, so a test shows exactly the routes and dialogs it uses.</summary>
public sealed class ScriptedBot(BotScript script) : IBot
{
    public const string Code = "testbot";

    public void Configure(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        script.Declare(bot.Profile(Code, "Test bot"));
    }
}
