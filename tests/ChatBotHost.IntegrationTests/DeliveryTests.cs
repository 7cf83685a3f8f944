using System.Globalization;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Delivery;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// The host's outbox against the emulator's real batch endpoint: calls that queue up leave as one batch, and what is
/// queued when the host stops is still sent. (Today's intake runs one turn per bot at a time, so the calls are made
/// through the outbox directly rather than by many users writing at once.)
/// </summary>
public sealed class DeliveryTests
{
    private const string Send = "imbot.v2.Chat.Message.send";

    [Fact]
    public async Task SendQueue_CallsQueuedWhileASendIsUnderWay_ReachThePortalAsOneBatchEachWithItsOwnMessageId()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        // Webhook mode: in fetch mode the bot's Event.get polls ride in its batches too, which would blur the count.
        var settings = new HostSettings(emulator, redis: null, "webhook").Set("ChatBotHost:Outbox:MaxConcurrentRequests", "1");
        await using var host = await InProcessHost.StartAsync(settings, typeof(EchoBot));
        var bot = host.Bot("echo");
        var users = await OpenChatsAsync(emulator, bot.BotId, 10);
        var outbox = host.Services.GetRequiredService<SendQueue>();
        var sends = new List<Task<ChatMessageSendResult>>();
        // The echo bot's greetings to the new chats may have travelled in batches of their own: count from here.
        var batchedBefore = emulator.Portal.Calls.Count(c => c.Method == Send && c.InBatch && c.Error is null);
        var batchesBefore = emulator.Portal.Calls.Count(c => c.Method == "batch");

        using (emulator.Portal.HoldCalls(Send))
        {
            var first = outbox.SendAsync(bot, Message("1", "first"), null, CancellationToken.None);
            await emulator.Portal.WaitForHeldCallAsync(Send, Waits.Reply);
            sends.AddRange(users.Select(user => outbox.SendAsync(bot, Message(user, $"to {user}"), null, CancellationToken.None)));
            await UntilAsync(() => outbox.Pending == 1 + users.Count, "every call waits in the outbox");
        }

        var results = await Task.WhenAll(sends).WaitAsync(Waits.Reply);
        for (var i = 0; i < users.Count; i++)
        {
            var message = emulator.Portal.GetMessages(null).Single(m => m.Id == results[i].Id);
            Assert.Equal($"to {users[i]}", message.Text);
            Assert.Equal(bot.BotId, message.PostedByBotId);
        }

        Assert.Equal(users.Count, emulator.Portal.Calls.Count(c => c.Method == Send && c.InBatch && c.Error is null) - batchedBefore);
        Assert.Equal(1, emulator.Portal.Calls.Count(c => c.Method == "batch") - batchesBefore);
    }

    [Fact]
    public async Task Stop_WithCallsStillInTheSendQueue_SendsThemBeforeTheHostIsGone()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis: null, "fetch").Set("ChatBotHost:Outbox:MaxConcurrentRequests", "1");
        var host = await InProcessHost.StartAsync(settings, typeof(EchoBot));
        var bot = host.Bot("echo");
        var user = (await OpenChatsAsync(emulator, bot.BotId, 1))[0];
        var outbox = host.Services.GetRequiredService<SendQueue>();
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(stopping.SetResult);
        Task stopped;

        using (emulator.Portal.HoldCalls(Send))
        {
            _ = outbox.SendAsync(bot, Message("1", "under way"), null, CancellationToken.None);
            await emulator.Portal.WaitForHeldCallAsync(Send, Waits.Reply);
            _ = outbox.SendAsync(bot, Message(user, "still queued"), null, CancellationToken.None);
            await UntilAsync(() => outbox.Pending == 2, "the second call waits in the outbox");
            stopped = host.DisposeAsync().AsTask();

            // The portal answers only once the host is stopping, with both calls still in the outbox.
            await stopping.Task.WaitAsync(Waits.Reply);
            Assert.Equal(2, outbox.Pending);
        }

        await stopped.WaitAsync(Waits.Reply);
        var texts = emulator.Portal.GetMessages(null).Select(m => m.Text).ToList();
        Assert.Contains("under way", texts);
        Assert.Contains("still queued", texts);
    }

    private static ChatMessageSendRequest Message(string dialogId, string text) =>
        new() { DialogId = dialogId, Fields = new MessageFields { Message = text } };

    private static async Task<List<string>> OpenChatsAsync(BitrixEmulator emulator, int botId, int count)
    {
        var users = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var user = emulator.Portal.AddUser("User", $"N{i}").Id;
            await emulator.Portal.OpenPrivateChatAsync(user, botId);
            users.Add(user.ToString(CultureInfo.InvariantCulture));
        }

        // The echo bot greets each new chat; those replies must be out of the way before a test counts calls.
        await UntilAsync(() => emulator.Portal.GetMessages(null).Count(m => m.PostedByBotId == botId && m.Text.StartsWith("Hi!", StringComparison.Ordinal)) == count, "every greeting was sent");
        return users;
    }

    // Polls a condition the host makes true in the background; the deadline only turns a hang into a failure.
    private static async Task UntilAsync(Func<bool> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Waits.Reply, $"Still waiting for: {what}");
            await Task.Delay(10);
        }
    }
}
