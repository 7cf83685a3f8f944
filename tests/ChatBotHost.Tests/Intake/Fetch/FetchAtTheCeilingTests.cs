using System.Globalization;
using ChatBotHost.Configuration;
using ChatBotHost.State;

namespace ChatBotHost.Tests.Intake.Fetch;

/// <summary>In fetch mode, polling rides in the batches of replies instead of racing them for the portal's bucket.</summary>
public sealed class FetchAtTheCeilingTests
{
    private const string EventGet = "imbot.v2.Event.get";

    [Fact]
    public async Task FetchMode_BurstOfMessagesUnderTheBucket_AnswersEveryOneInOrderWithoutARefusalAndPollsRideInTheBatches()
    {
        // Long delays: a poll that is not carried by a batch of replies would wait a minute, so every one that went
        // while the burst was answered shows where it travelled.
        var options = new ChatBotHostOptions();
        options.Fetch.IdleDelay = TimeSpan.FromMinutes(1);
        options.Fetch.BusyDelay = TimeSpan.FromMinutes(1);
        options.Fetch.BatchSize = 50;
        await using var host = await EmulatedFetchHost.StartAsync(new RateLimit(2, 10), options);
        var portal = host.Portal;
        var users = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            var user = portal.AddUser("Burst", $"User{i}");
            await portal.OpenPrivateChatAsync(user.Id, host.Bot.BotId);
            users.Add(user.Id);
        }

        for (var round = 0; round < 5; round++)
        {
            foreach (var user in users)
            {
                await portal.SendUserMessageAsync(user, host.Bot.BotId.ToString(CultureInfo.InvariantCulture), $"m{round}");
            }
        }

        int Replies() => portal.GetMessages(null).Count(m => m.PostedByBotId == host.Bot.BotId && m.Text.StartsWith("You said:", StringComparison.Ordinal));
        await host.PumpUntilAsync(() => Replies() == 200, "every message answered");

        Assert.Equal(0, portal.Limits.Refused);
        foreach (var user in users)
        {
            var dialog = portal.GetMessages(user, host.Bot.BotId.ToString(CultureInfo.InvariantCulture))
                .Where(m => m.PostedByBotId == host.Bot.BotId && m.Text.StartsWith("You said:", StringComparison.Ordinal))
                .Select(m => m.Text);
            Assert.Equal(Enumerable.Range(0, 5).Select(r => $"You said: m{r}"), dialog);
        }

        var polls = portal.Calls.Where(c => c.Method == EventGet).ToList();
        Assert.True(polls.Count(p => p.InBatch) >= 4, $"{polls.Count(p => p.InBatch)} of {polls.Count} polls rode in a batch");
        Assert.True(polls.Count(p => !p.InBatch) <= 2, $"{polls.Count(p => !p.InBatch)} of {polls.Count} polls went alone");
    }
}
