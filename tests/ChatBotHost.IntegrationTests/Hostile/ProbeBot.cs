using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// The bot the hostile-input suite talks to: it answers nothing (the portal's outbound bucket is not what is
/// tested) and records, through <see cref="RecordingMiddleware"/>, every event that reaches its handlers.
/// </summary>
internal sealed class ProbeBot : IBot
{
    public const string Code = "probe";

    public void Configure(BotBuilder bot) => bot
        .Profile(Code, "Probe")
        .Use<RecordingMiddleware>()
        .OnMessage((_, _, _) => Task.CompletedTask)
        .On<MessageUpdated>((_, _, _) => Task.CompletedTask)
        .On<BotJoinedChat>((_, _, _) => Task.CompletedTask);
}
