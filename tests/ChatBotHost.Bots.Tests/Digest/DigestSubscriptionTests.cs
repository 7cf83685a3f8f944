using ChatBotHost.Bots.Digest;

namespace ChatBotHost.Bots.Tests.Digest;

// The kit's clock starts on 2026-01-05 at 09:00 UTC.
public sealed class DigestSubscriptionTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);

    [Fact]
    public async Task Subscribe_Default_DigestComesAtTheNextNineOClockAndEveryDayAfter()
    {
        await using var host = DigestHost.Create(new RecordingMessenger());

        await host.Conversation()
            .Command("/subscribe").ExpectReply("Subscribed: a digest of this chat every day at 09:00 UTC.")
            .Send("Stand-up notes are in the wiki").ExpectReply(FileReceipt.Usage)
            .Wait(OneDay - OneSecond).ExpectNoMoreReplies()
            .Wait(OneSecond).ExpectReply("📰 Digest since 2026-01-05 09:00 UTC: 1 message, 0 files.")
            .Wait(OneDay - OneSecond).ExpectNoMoreReplies()
            .Wait(OneSecond).ExpectReply("📰 Digest: nothing new since 2026-01-06 09:00 UTC.")
            .ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Subscribe_AtATime_DigestCountsMessagesAndFilesAndNamesTheLargest()
    {
        await using var host = DigestHost.Create(new RecordingMessenger());

        await host.Conversation()
            .Command("/subscribe", "18:30").ExpectReply("Subscribed: a digest of this chat every day at 18:30 UTC.")
            .SendFile("small.txt", new byte[10]).ExpectReplyContaining("small.txt: 10 B.")
            .SendFile("[b]plan[/b].pdf", new byte[3 * 1024]).ExpectReplyContaining("plan")
            .Send("that's all").ExpectReply(FileReceipt.Usage)
            .Wait(TimeSpan.FromHours(9.5) - OneSecond).ExpectNoMoreReplies()
            .Wait(OneSecond)
            .ExpectReply("📰 Digest since 2026-01-05 09:00 UTC: 3 messages, 2 files; the largest: [\u2060b]plan[\u2060/b].pdf (3 KB).");
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("9")]
    [InlineData("noon")]
    [InlineData("9:00 tomorrow")]
    public async Task Subscribe_UnreadableTime_AnswersUsageAndArmsNothing(string time)
    {
        await using var host = DigestHost.Create(new RecordingMessenger());

        await host.Conversation()
            .Command("/subscribe", time).ExpectReply(DigestCommands.SubscribeUsage)
            .Wait(TimeSpan.FromDays(3)).ExpectNoMoreReplies();
    }

    [Fact]
    public async Task Unsubscribe_CancelsTheTimer_NoDigestComes()
    {
        await using var host = DigestHost.Create(new RecordingMessenger());

        await host.Conversation()
            .Command("/subscribe", "10:00").ExpectReply("Subscribed: a digest of this chat every day at 10:00 UTC.")
            .Command("/unsubscribe").ExpectReply("Unsubscribed: no more daily digests here.")
            .Wait(TimeSpan.FromDays(3)).ExpectNoMoreReplies()
            .Command("/unsubscribe").ExpectReply("This chat is not subscribed to a digest.");
    }

    [Fact]
    public async Task Subscribe_Again_ReplacesTheTimeAndOnlyTheNewOneFires()
    {
        await using var host = DigestHost.Create(new RecordingMessenger());

        await host.Conversation()
            .Command("/subscribe", "10:00").ExpectReply("Subscribed: a digest of this chat every day at 10:00 UTC.")
            .Command("/subscribe", "9:30").ExpectReply("Subscribed: a digest of this chat every day at 09:30 UTC.")
            .Wait(TimeSpan.FromMinutes(30)).ExpectReplyContaining("📰 Digest")
            .Wait(OneDay - OneSecond).ExpectNoMoreReplies()
            .Wait(OneSecond).ExpectReplyContaining("📰 Digest").ExpectNoMoreReplies();
    }

    [Fact]
    public async Task DigestNow_SendsTheTallyAndStartsANewCount()
    {
        await using var host = DigestHost.Create(new RecordingMessenger());

        await host.Conversation()
            .Send("one").ExpectReply(FileReceipt.Usage)
            .Send("two").ExpectReply(FileReceipt.Usage)
            .Wait(TimeSpan.FromMinutes(5))
            .Command("/digest").ExpectReply("📰 Digest since 2026-01-05 09:00 UTC: 2 messages, 0 files.")
            .Command("/digest").ExpectReply("📰 Digest: nothing new since 2026-01-05 09:05 UTC.");
    }

    [Fact]
    public async Task Subscribe_TwoDialogs_EachGetsItsOwnDigest()
    {
        await using var host = DigestHost.Create(new RecordingMessenger());
        var ann = host.Conversation(userId: 1);
        var bob = host.Conversation(userId: 2);

        await ann.Command("/subscribe", "12:00").ExpectReplyContaining("12:00");
        await bob.Send("hi").ExpectReply(FileReceipt.Usage);
        await ann.Wait(TimeSpan.FromHours(3)).ExpectReply("📰 Digest: nothing new since 2026-01-05 12:00 UTC.").ExpectNoMoreReplies();
        await bob.ExpectNoMoreReplies();
    }
}
