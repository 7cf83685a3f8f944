using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Configuration;
using ChatBotHost.Hosting;
using ChatBotHost.Inbox;
using ChatBotHost.Scheduling;
using ChatBotHost.State;
using ChatBotHost.State.InMemory;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Quartz;

namespace ChatBotHost.Tests.Scheduling;

public sealed class CronOccurrenceFanOutTests
{
    private static readonly DateTimeOffset NineOClock = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Execute_BotServedOnTwoPortals_StoresOneOccurrenceInEachPortalsInbox()
    {
        var clock = new FakeTimeProvider();
        var store = new InMemoryInboxStore();
        using var signal = new InboxSignal();
        var directory = new BotDirectory([Bot("http://10.0.0.1:1/rest/1/code/")]);
        directory.AddPortal("10.0.0.2:1", [Bot("http://10.0.0.2:1/rest/1/code/")]);
        var job = new CronOccurrenceJob(directory, new InboxWriter(store, signal, clock), clock, NullLogger<CronOccurrenceJob>.Instance);

        await job.Execute(Occurrence(), CancellationToken.None);

        foreach (var portal in new[] { "10.0.0.1:1", "10.0.0.2:1" })
        {
            var claim = Assert.Single(await store.ClaimAsync(portal, clock.GetUtcNow(), TimeSpan.FromSeconds(30), 10, CancellationToken.None));
            Assert.Equal(InboxItem.Sources.Timer, claim.Item.Source);
            Assert.Contains("cron:digest", claim.Item.Payload, StringComparison.Ordinal);
        }
    }

    private static HostedBot Bot(string webhookUrl)
    {
        var definition = new BotBuilder().Profile("digester", "Digest").Every("digest", "0 0 9 * * ?", (_, _, _) => Task.CompletedTask).Build("Digest");
        var http = new Mock<IHttpClientFactory>();
        http.Setup(f => f.CreateClient(It.IsAny<string>())).Returns(() => new HttpClient());
        var bot = new HostedBot(definition, new BotSettings(), "token", new PortalConnection(new Uri(webhookUrl), http.Object));
        bot.Use(new BotRegistration { BotId = 7, WebhookSecret = "s" });
        bot.MarkReady();
        return bot;
    }

    private static IJobExecutionContext Occurrence()
    {
        var context = new Mock<IJobExecutionContext>();
        context.Setup(c => c.MergedJobDataMap).Returns(new JobDataMap { [CronOccurrenceJob.BotKey] = "digester", [CronOccurrenceJob.JobKey] = "digest" });
        context.Setup(c => c.ScheduledFireTimeUtc).Returns(NineOClock);
        context.Setup(c => c.FireTimeUtc).Returns(NineOClock);
        return context.Object;
    }
}
