using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Files;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Events;

namespace ChatBotHost.IntegrationTests.Surface;

/// <summary>A bot for the file tests: names each file it is sent with its size, and sends back a copy.</summary>
public sealed class FileProbeBot : IBot
{
    public const string Code = "fileprobe";

    public void Configure(BotBuilder bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        bot.Profile(Code, "File probe").OnMessage(CopyAsync);
    }

    private static async Task CopyAsync(MessageAdded message, ITurnContext turn, CancellationToken ct)
    {
        foreach (var file in message.Message.Files)
        {
            var bytes = await turn.DownloadFileAsync(file, ct);
            await turn.ReplyAsync($"{file.Name}: {file.Size} bytes announced, {bytes.Length} read", ct);
            await turn.SendFileAsync("copy-" + file.Name, bytes, ct, text: "your copy");
        }
    }
}
