using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Testing;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class TimerTests
{
    private const string TimerIdKey = "pingTimer";
    private static readonly TimeSpan MessageDelay = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PingDelay = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task ScheduleMessage_ArrivesAfterItsDelayExactlyOnce()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/later").ExpectReply("Scheduled.")
            .Wait(MessageDelay - OneSecond).ExpectNoMoreReplies()
            .Wait(OneSecond).ExpectReply("Tea time")
            .Wait(TimeSpan.FromDays(1)).ExpectNoMoreReplies();
    }

    [Fact]
    public async Task ScheduleMessage_TwoUsers_EachGetsOnlyTheirOwn()
    {
        await using var host = Host();
        var ann = host.Conversation(userId: 1);
        var bob = host.Conversation(userId: 2);

        await ann.Command("/later").ExpectReply("Scheduled.");
        await bob.Wait(MessageDelay).ExpectNoMoreReplies();
        await ann.ExpectReply("Tea time").ExpectNoMoreReplies();
    }

    [Fact]
    public async Task ScheduleCallback_Due_ReachesOnTimerWithTypedPayload()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/ping").ExpectReply("Armed.")
            .Wait(PingDelay - OneSecond).ExpectNoMoreReplies()
            .Wait(OneSecond).ExpectReply("Ping hello x3")
            .Wait(TimeSpan.FromDays(1)).ExpectNoMoreReplies();
    }

    [Fact]
    public async Task CancelAsync_BeforeItIsDue_PreventsTheCallback()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/ping").ExpectReply("Armed.")
            .Wait(PingDelay - OneSecond)
            .Command("/stop").ExpectReply("Cancelled: True")
            .Wait(TimeSpan.FromDays(1)).ExpectNoMoreReplies()
            .Command("/stop").ExpectReply("Cancelled: False");
    }

    [Fact]
    public async Task CancelAsync_AfterItFired_ReturnsFalse()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/ping").Wait(PingDelay).ExpectReply("Armed.").ExpectReply("Ping hello x3")
            .Command("/stop").ExpectReply("Cancelled: False");
    }

    [Fact]
    public async Task ScheduleMessage_ArrivesWhileADialogWaits_LeavesTheQuestionOpen()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/later").ExpectReply("Scheduled.")
            .Command("/start").ExpectReply("Proceed?")
            .Wait(MessageDelay).ExpectReply("Tea time")
            .Send("yes").ExpectReply("Confirmed: True");
    }

    [Fact]
    public async Task ScheduleCallback_FromAGermanUser_RunsInGerman()
    {
        await using var host = DialogTestHost.Create(
            bot => bot
                .Command("ping", "Ping", (_, turn, ct) => turn.Timers.ScheduleAsync("ping", PingDelay, null, ct))
                .OnTimer("ping", (_, turn, ct) => turn.ReplyAsync(turn.Culture.TwoLetterISOLanguageName, ct)),
            o => o.Language = "de");

        await host.Conversation().Command("/ping").Wait(PingDelay).ExpectReply("de");
    }

    private static BotTestHost Host() => DialogTestHost.Create(bot => bot
        .Dialog<ConfirmDialog>()
        .Starts<ConfirmDialog>()
        .Command("later", "Later", async (_, turn, ct) =>
        {
            await turn.Timers.ScheduleMessageAsync(MessageDelay, "Tea time", ct);
            await turn.ReplyAsync("Scheduled.", ct);
        })
        .Command("ping", "Ping", async (_, turn, ct) =>
        {
            turn.State.Set(TimerIdKey, await turn.Timers.ScheduleAsync("ping", PingDelay, new PingPayload("hello", 3), ct));
            await turn.ReplyAsync("Armed.", ct);
        })
        .Command("stop", "Stop", async (_, turn, ct) =>
        {
            var id = await turn.State.GetAsync<string>(TimerIdKey, ct) ?? "none";
            await turn.ReplyAsync($"Cancelled: {await turn.Timers.CancelAsync(id, ct)}", ct);
        })
        .OnTimer("ping", async (timer, turn, ct) =>
        {
            var payload = timer.PayloadAs<PingPayload>()!;
            await turn.ReplyAsync($"Ping {payload.Text} x{payload.Count}", ct);
        }));
}
