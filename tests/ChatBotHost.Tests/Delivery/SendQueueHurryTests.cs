using ChatBotHost.Bitrix.Requests.Events;
using ChatBotHost.Tests.State;

namespace ChatBotHost.Tests.Delivery;

/// <summary>
/// Local mode's wake-up: told that the portal has events for a bot, the outbox sends that bot's poll at once instead
/// of at its time to go alone. The clock is fake and never advanced, so a poll can go early only by being hurried.
/// </summary>
public sealed class SendQueueHurryTests
{
    [Fact]
    public async Task HurryPoll_PollWaitsForItsTime_GoesAtOnce()
    {
        await using var bed = SendQueuePollTests.Bed();
        var poll = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest { Offset = 7 }, bed.Clock.GetUtcNow().AddSeconds(10), CancellationToken.None);
        await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1, "the outbox waits for the poll's time");

        bed.SendQueue.HurryPoll(bed.Bot);

        var page = await poll.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(8, page.NextOffset);
        Assert.Single(bed.Portal.Requests);
    }

    [Fact]
    public async Task HurryPoll_NoPollWaiting_TheBotsNextPollGoesAtOnce()
    {
        // Hurried while its poller is between polls (storing a page, or its poll on its way): the event may have come
        // after that poll was answered, so the next one must not wait its idle delay.
        await using var bed = SendQueuePollTests.Bed();
        await bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest { Offset = 1 }, bed.Clock.GetUtcNow(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        bed.SendQueue.HurryPoll(bed.Bot);
        var next = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest { Offset = 2 }, bed.Clock.GetUtcNow().AddSeconds(10), CancellationToken.None);

        Assert.Equal(3, (await next.WaitAsync(TimeSpan.FromSeconds(30))).NextOffset);
        Assert.Equal(2, bed.Portal.Requests.Count);
    }

    [Fact]
    public async Task HurryPoll_AnotherBotsPoll_KeepsWaitingForItsTime()
    {
        await using var bed = SendQueuePollTests.Bed();
        var other = bed.SendQueue.PollAsync(bed.OtherBot, new EventGetRequest { Offset = 20 }, bed.Clock.GetUtcNow().AddSeconds(10), CancellationToken.None);
        var mine = bed.SendQueue.PollAsync(bed.Bot, new EventGetRequest { Offset = 10 }, bed.Clock.GetUtcNow().AddSeconds(10), CancellationToken.None);
        await Eventually.TrueAsync(() => bed.Clock.ActiveTimerCount == 1, "the outbox waits for the polls' time");

        bed.SendQueue.HurryPoll(bed.Bot);

        Assert.Equal(11, (await mine.WaitAsync(TimeSpan.FromSeconds(30))).NextOffset);
        Assert.False(other.IsCompleted);
        Assert.Single(bed.Portal.Requests);
    }
}
