using System.Globalization;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Configuration;
using ChatBotHost.Emulator;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.State;
using ChatBotHost.State.Redis;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// A poison event — one whose decoding or handling fails in any way, or that takes its replica down — ends in the
/// dead letters after Inbox:MaxAttempts, and the dialog's later events are answered: a real host over a real Redis.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class PoisonEventTests(RedisFixture redis)
{
    [Fact]
    public async Task EventWhoseReplicasKeptDying_IsDeadLetteredWithoutRunning_AndTheDialogMovesOn()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var user = emulator.Portal.AddUser("Petra", "Poison");
        var dialog = user.Id.ToString(CultureInfo.InvariantCulture);
        var portal = WebhookUrl.PortalKey(emulator.WebhookUrl);

        // Five replicas in turn claimed the event and died on it (no ack, no deferral, no release): the host sees only
        // what such replicas leave in Redis. Claimed a minute ago with 1 ms leases, so it is claimable now.
        using (var connection = new RedisConnection(redis.Server.ConfigurationString))
        {
            var store = new RedisInboxStore(connection, new RedisKeys());
            var at = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1);
            await store.EnqueueAsync(Crasher(portal, dialog, at), CancellationToken.None);
            for (var crash = 0; crash < 5; crash++)
            {
                Assert.Single(await store.ClaimAsync(portal, at + TimeSpan.FromMilliseconds(crash), TimeSpan.FromMilliseconds(1), 1, CancellationToken.None));
            }
        }

        await using var host = await InProcessHost.StartAsync(new HostSettings(emulator, redis.Server.ConfigurationString, "webhook"), typeof(EchoBot));
        var bot = emulator.Portal.FindBot("echo")!;
        await emulator.Portal.OpenPrivateChatAsync(user.Id, bot.Id);
        await emulator.Portal.SendUserMessageAsync(user.Id, bot.Id.ToString(CultureInfo.InvariantCulture), "after");
        await emulator.Portal.WaitForBotMessageAsync(m => m.Text == "You said: after", Waits.Reply, CancellationToken.None);

        var letter = Assert.Single(await host.Services.GetRequiredService<IDeadLetterStore>().ListAsync(portal, 10, CancellationToken.None));
        Assert.Contains("never finished in 5 attempts", letter.Reason, StringComparison.Ordinal);
        Assert.Equal(dialog, letter.DialogId);
        Assert.DoesNotContain(emulator.Portal.GetMessages(null), m => m.Text.Contains("crasher", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliveryWhoseDecoderFaults_IsRetriedThenDeadLettered_AndTheDialogMovesOn()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var decoder = new FaultyDecoder("poison");
        var settings = new HostSettings(emulator, redis.Server.ConfigurationString, "webhook")
            .Set("ChatBotHost:Inbox:MaxAttempts", "2");
        settings.Services = services => services.AddSingleton<IQueuedEventDecoder>(decoder);
        await using var host = await InProcessHost.StartAsync(settings, typeof(EchoBot));
        var bot = emulator.Portal.FindBot("echo")!;
        var user = emulator.Portal.AddUser("Otto", "Overflow");
        await emulator.Portal.OpenPrivateChatAsync(user.Id, bot.Id);
        var dialog = bot.Id.ToString(CultureInfo.InvariantCulture);

        await emulator.Portal.SendUserMessageAsync(user.Id, dialog, "poison");
        await emulator.Portal.SendUserMessageAsync(user.Id, dialog, "after");
        await emulator.Portal.WaitForBotMessageAsync(m => m.Text == "You said: after", Waits.Reply, CancellationToken.None);

        Assert.Equal(2, decoder.Faults);
        var letter = Assert.Single(await host.Services.GetRequiredService<IDeadLetterStore>().ListAsync(host.Bot("echo").Portal.Key, 10, CancellationToken.None));
        Assert.Contains("InsufficientExecutionStackException", letter.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(emulator.Portal.GetMessages(null), m => m.Text == "You said: poison");
    }

    private static InboxItem Crasher(string portal, string dialog, DateTimeOffset at) => new()
    {
        Portal = portal,
        BotCode = "echo",
        DialogId = dialog,
        DeduplicationKey = "e:crasher",
        Source = InboxItem.Sources.Fetch,
        Payload = """{"eventId":1,"type":"ONIMBOTV2MESSAGEADD","data":{"message":{"id":1,"text":"crasher"}}}""",
        ReceivedAt = at,
    };

    /// <summary>The host's decoder, except that one message text makes it fail as a too-deep decode would.</summary>
    private sealed class FaultyDecoder(string poison) : IQueuedEventDecoder
    {
        private int _faults;

        public int Faults => Volatile.Read(ref _faults);

        public BotEvent Decode(InboxItem item, HostedBot bot)
        {
            var evt = InboxEventReader.Read(item, bot);
            if (evt is MessageAdded { Message.Text: var text } && text == poison)
            {
                Interlocked.Increment(ref _faults);
                throw new InsufficientExecutionStackException("too deep");
            }

            return evt;
        }
    }
}
