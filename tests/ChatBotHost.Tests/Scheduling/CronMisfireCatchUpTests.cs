using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.Scheduling;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;
using Quartz;

namespace ChatBotHost.Tests.Scheduling;

public sealed class CronMisfireCatchUpTests
{
    private const string Portal = "10.0.0.1:1";
    private static readonly DateTimeOffset Noon = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NineOClock = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Noon);
    private readonly InMemoryInboxStore _inbox = new();
    private readonly InMemoryDeduplicationStore _handled = new();
    private readonly HostedBot _bot = Bot();

    [Fact]
    public async Task FireOnce_TodaysOccurrenceNotHandled_QueuesItOnceWithTheKeyTheSchedulerUses()
    {
        await RunAsync(CronMisfirePolicy.FireOnce);

        var claim = Assert.Single(await ClaimAsync());
        Assert.Equal(CronOccurrence.ToEvent(_bot, "digest", NineOClock, Noon).DeduplicationKey, claim.Item.DeduplicationKey);
        Assert.Equal(await ScheduledKeyAsync(), claim.Item.DeduplicationKey);
    }

    [Fact]
    public async Task FireOnce_TodaysOccurrenceHandled_QueuesNothing()
    {
        var key = CronOccurrence.ToEvent(_bot, "digest", NineOClock, Noon).DeduplicationKey;
        await _handled.MarkHandledAsync(Portal, _bot.BotId, key, TimeSpan.FromDays(3), CancellationToken.None);

        await RunAsync(CronMisfirePolicy.FireOnce);

        Assert.Empty(await ClaimAsync());
    }

    [Fact]
    public async Task Skip_TheDefault_QueuesNothing()
    {
        Assert.Equal(CronMisfirePolicy.Skip, new TimerOptions().CronMisfire);

        await RunAsync(CronMisfirePolicy.Skip);

        Assert.Empty(await ClaimAsync());
    }

    [Theory]
    [InlineData("0 0 9 * * ?", "2026-01-05T12:00:00Z", "2026-01-05T09:00:00Z")]
    [InlineData("0 0 9 * * ?", "2026-01-05T08:00:00Z", "2026-01-04T09:00:00Z")]
    [InlineData("0 0 9 * * ?", "2026-01-05T09:00:00Z", "2026-01-04T09:00:00Z")]
    [InlineData("0 0 9 ? * MON", "2026-01-10T12:00:00Z", null)]
    [InlineData("* * * * * ?", "2026-01-05T12:00:00Z", "2026-01-05T11:59:59Z")]
    public void LatestBefore_FindsTheLastOccurrenceWithinThreeDays(string cron, string now, string? expected)
    {
        var latest = CronMisfireCatchUp.LatestBefore(cron, TimeZoneInfo.Utc, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), latest);
    }

    private async Task RunAsync(CronMisfirePolicy policy)
    {
        using var signal = new InboxSignal();
        var options = Options.Create(new ChatBotHostOptions { Timers = { CronMisfire = policy } });
        using var catchUp = new CronMisfireCatchUp(
            new BotDirectory([_bot]), _handled, new InboxWriter(_inbox, signal, _clock), _clock, options, NullLogger<CronMisfireCatchUp>.Instance);
        await catchUp.StartAsync(CancellationToken.None);
        await catchUp.ExecuteTask!;
    }

    private Task<IReadOnlyList<InboxClaim>> ClaimAsync() =>
        _inbox.ClaimAsync(Portal, _clock.GetUtcNow(), TimeSpan.FromSeconds(30), 10, CancellationToken.None);

    // What the Quartz job stores for the same occurrence, so the scheduler's copy and the catch-up are one turn.
    private async Task<string?> ScheduledKeyAsync()
    {
        var store = new InMemoryInboxStore();
        using var signal = new InboxSignal();
        var job = new CronOccurrenceJob(new BotDirectory([_bot]), new InboxWriter(store, signal, _clock), _clock, NullLogger<CronOccurrenceJob>.Instance);
        var context = new Mock<IJobExecutionContext>();
        context.Setup(c => c.MergedJobDataMap).Returns(new JobDataMap { [CronOccurrenceJob.BotKey] = "digester", [CronOccurrenceJob.JobKey] = "digest" });
        context.Setup(c => c.ScheduledFireTimeUtc).Returns(NineOClock);
        await job.Execute(context.Object, CancellationToken.None);
        return Assert.Single(await store.ClaimAsync(Portal, _clock.GetUtcNow(), TimeSpan.FromSeconds(30), 10, CancellationToken.None)).Item.DeduplicationKey;
    }

    private static HostedBot Bot()
    {
        var definition = new BotBuilder().Profile("digester", "Digest").Every("digest", "0 0 9 * * ?", (_, _, _) => Task.CompletedTask).Build("Digest");
        var http = new Mock<IHttpClientFactory>();
        http.Setup(f => f.CreateClient(It.IsAny<string>())).Returns(() => new HttpClient());
        var bot = new HostedBot(definition, new BotSettings(), "token", new PortalConnection(new Uri($"http://{Portal}/rest/1/code/"), http.Object));
        bot.Use(new BotRegistration { BotId = 7, WebhookSecret = "s" });
        bot.MarkReady();
        return bot;
    }
}
