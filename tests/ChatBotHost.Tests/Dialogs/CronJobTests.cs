using ChatBotHost.Scheduling;
using ChatBotHost.Tests.Dialogs.Support;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Quartz;

namespace ChatBotHost.Tests.Dialogs;

/// <summary>
/// Every replica's Quartz fires each cron occurrence into the inbox; the occurrence's scheduled time keys the event, so
/// the pipeline runs it once however many replicas (here: executions) fire it.
/// </summary>
public sealed class CronJobTests
{
    private static readonly DateTimeOffset NineOClock = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Execute_SameOccurrenceFiredTwice_RunsTheJobOnce()
    {
        var runs = new List<DateTimeOffset>();
        await using var host = DialogTestHost.Create(bot => bot.Every("digest", "0 0 9 * * ?", (timer, _, _) =>
        {
            runs.Add(timer.DueAt);
            return Task.CompletedTask;
        }));
        var job = ActivatorUtilities.CreateInstance<CronOccurrenceJob>(host.Services);

        await job.Execute(Occurrence(NineOClock), CancellationToken.None);
        await job.Execute(Occurrence(NineOClock), CancellationToken.None);
        await job.Execute(Occurrence(NineOClock.AddDays(1)), CancellationToken.None);
        Assert.Empty(runs);
        await host.RunInboxAsync();

        Assert.Equal([NineOClock, NineOClock.AddDays(1)], runs);
    }

    [Fact]
    public void Every_TwoJobsWithOneName_Throws()
    {
        var bot = new Abstractions.Declaration.BotBuilder().Profile("b", "B").Every("digest", "0 0 9 * * ?", (_, _, _) => Task.CompletedTask);

        Assert.Throws<InvalidOperationException>(() => bot.Every("digest", "0 0 10 * * ?", (_, _, _) => Task.CompletedTask));
    }

    private static IJobExecutionContext Occurrence(DateTimeOffset scheduled)
    {
        var context = new Mock<IJobExecutionContext>();
        context.Setup(c => c.MergedJobDataMap).Returns(new JobDataMap
        {
            [CronOccurrenceJob.BotKey] = ScriptedBot.Code,
            [CronOccurrenceJob.JobKey] = "digest",
        });
        context.Setup(c => c.ScheduledFireTimeUtc).Returns(scheduled);
        context.Setup(c => c.FireTimeUtc).Returns(scheduled);
        return context.Object;
    }
}
