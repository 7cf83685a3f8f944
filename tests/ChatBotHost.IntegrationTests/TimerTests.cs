using ChatBotHost.Bots.Helpdesk;
using ChatBotHost.Bots.Reminder;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

/// <summary>Timers kept in Redis: they fire after a restart, and once when several replicas share the Redis.</summary>
[Collection(RedisCollection.Name)]
public sealed class TimerTests(RedisFixture redis)
{
    // Long enough for a "not twice" check to mean something; the reminder itself comes within a second of it.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Remind_HostStoppedBeforeItIsDue_FiresOnceAfterRestart()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis.Server.ConfigurationString, "fetch");
        var chat = new Chat(emulator, "reminder");

        await using (await InProcessHost.StartAsync(settings, typeof(ReminderBot)))
        {
            await chat.SayAsync("/remind 2s stretch");
            await chat.ExpectAsync("I will remind you in");
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        await using (await InProcessHost.StartAsync(settings, typeof(ReminderBot)))
        {
            await chat.ExpectAsync("⏰ stretch");
            await Task.Delay(Settle);
        }

        Assert.Equal(1, chat.Count("⏰ stretch"));
    }

    [Fact]
    public async Task Reminders_TwoReplicasRunning_EachArrivesExactlyOnce()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var redisConfiguration = redis.Server.ConfigurationString;
        var reminders = new Chat(emulator, "reminder");
        var helpdesk = new Chat(emulator, "helpdesk");

        await using var first = await InProcessHost.StartAsync(Replica(emulator, redisConfiguration), typeof(ReminderBot), typeof(HelpdeskBot));
        await using var second = await InProcessHost.StartAsync(Replica(emulator, redisConfiguration), typeof(ReminderBot), typeof(HelpdeskBot));

        await helpdesk.SayAsync("/ticket");
        await helpdesk.ExpectAsync("What is the ticket about?");
        for (var i = 1; i <= 5; i++)
        {
            await reminders.SayAsync($"/remind {i}s note {i}");
        }

        await helpdesk.ExpectAsync("Are you still there?");
        await reminders.ExpectAsync("⏰ note 5");
        await Task.Delay(Settle);

        Assert.Equal(1, helpdesk.Count("What is the ticket about?"));
        Assert.Equal(1, helpdesk.Count("Are you still there?"));
        for (var i = 1; i <= 5; i++)
        {
            Assert.Equal(1, reminders.Count($"⏰ note {i}"));
        }
    }

    [Fact]
    public async Task Reminders_ReplicaThatScheduledThemIsKilled_OtherReplicaFiresEachOnce()
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var redisConfiguration = redis.Server.ConfigurationString;
        var chat = new Chat(emulator, "reminder");
        var helpdesk = new Chat(emulator, "helpdesk");

        await using (var scheduler = HostProcess.Start(Replica(emulator, redisConfiguration)))
        {
            await emulator.Portal.WaitForCallAsync(c => c.Method == "imbot.v2.Event.get", Waits.Reply, CancellationToken.None);
            await WaitForBotAsync(emulator, "reminder");
            await WaitForBotAsync(emulator, "helpdesk");
            await chat.SayAsync("/remind 3s water the plants");
            await chat.ExpectAsync("I will remind you in");
            await helpdesk.SayAsync("/ticket");
            await helpdesk.ExpectAsync("What is the ticket about?");
            await scheduler.KillAsync();
        }

        await using var survivor = await InProcessHost.StartAsync(
            Replica(emulator, redisConfiguration), typeof(ReminderBot), typeof(HelpdeskBot));
        await chat.ExpectAsync("⏰ water the plants");
        await helpdesk.ExpectAsync("Are you still there?");
        await Task.Delay(Settle);

        Assert.Equal(1, chat.Count("⏰ water the plants"));
        Assert.Equal(1, helpdesk.Count("Are you still there?"));
    }

    private static HostSettings Replica(BitrixEmulator emulator, string redisConfiguration) =>
        new HostSettings(emulator, redisConfiguration, "fetch")
            .Set("ChatBotHost:Bots:helpdesk:ReminderAfter", "00:00:02")
            .Set("ChatBotHost:Bots:helpdesk:CancelAfter", "00:10:00");

    private static async Task WaitForBotAsync(BitrixEmulator emulator, string code)
    {
        using var timeout = new CancellationTokenSource(Waits.Reply);
        while (emulator.Portal.FindBot(code)?.Commands.Count is null or 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
