using ChatBotHost.Abstractions.Proactive;
using ChatBotHost.Bots.Digest;
using ChatBotHost.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Bots.Tests.Digest;

/// <summary>The digest bot in the test kit, with a recording messenger in place of the host's.</summary>
internal static class DigestHost
{
    public static BotTestHost Create(RecordingMessenger messenger) =>
        BotTestHost.Create<DigestBot>(o => o.ConfigureServices = s => s.AddSingleton<IBotMessenger>(messenger));
}
