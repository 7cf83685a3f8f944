using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>
/// The polls waiting in one portal's outbox, apart from its calls: they are not counted as pending or drained, and
/// no dialog's order involves them. Not thread-safe: <see cref="PortalSendQueue"/> uses it under its lock.
/// </summary>
internal sealed class QueuedPolls
{
    private readonly List<QueuedPoll> _polls = [];

    // Bots hurried while none of their polls waited (one was on its way, or the poller was storing a page): the event
    // may have come after that poll was answered, so their next poll goes at once instead of after the idle delay.
    private readonly HashSet<HostedBot> _hurried = [];

    public void Add(QueuedPoll poll)
    {
        if (_hurried.Remove(poll.Bot))
        {
            poll.GoAloneAt = DateTimeOffset.MinValue; // due at once
        }

        _polls.Add(poll);
    }

    /// <summary>The bot's waiting poll goes alone now instead of at its time; with none waiting, its next one does.</summary>
    public void Hurry(HostedBot bot, DateTimeOffset now)
    {
        if (_polls.FirstOrDefault(p => !p.InFlight && ReferenceEquals(p.Bot, bot)) is not { } waiting)
        {
            _hurried.Add(bot);
        }
        else if (waiting.GoAloneAt > now)
        {
            waiting.GoAloneAt = now;
        }
    }

    /// <summary>Takes the poll out unless it is on its way; false when it is (its answer is then simply not awaited).</summary>
    public bool TryWithdraw(QueuedPoll poll) => !poll.InFlight && _polls.Remove(poll);

    public void Remove(QueuedPoll poll) => _polls.Remove(poll);

    /// <summary>Empties the list and returns what was in it.</summary>
    public QueuedPoll[] Clear()
    {
        QueuedPoll[] left = [.. _polls];
        _polls.Clear();
        return left;
    }

    /// <summary>The waiting poll whose time to go alone came first, if that time has come.</summary>
    public QueuedPoll? Due(DateTimeOffset now) =>
        _polls.Where(p => !p.InFlight && p.GoAloneAt <= now).MinBy(p => p.GoAloneAt);

    /// <summary>When the next waiting poll goes alone, or null when none waits.</summary>
    public DateTimeOffset? NextDue() =>
        _polls.Where(p => !p.InFlight).Select(p => (DateTimeOffset?)p.GoAloneAt).Min();

    /// <summary>A waiting poll of the bot that may ride in a batch of its calls, if there is one.</summary>
    public QueuedPoll? RiderFor(HostedBot bot) =>
        _polls.FirstOrDefault(p => !p.InFlight && !p.SendAlone && ReferenceEquals(p.Bot, bot));
}
