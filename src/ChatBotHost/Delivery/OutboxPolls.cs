using ChatBotHost.Hosting;

namespace ChatBotHost.Delivery;

/// <summary>
/// The polls waiting in one portal's outbox, apart from its calls: they are not counted as pending or drained, and
/// no dialog's order involves them. Not thread-safe: <see cref="PortalOutbox"/> uses it under its lock.
/// </summary>
internal sealed class OutboxPolls
{
    private readonly List<OutboxPoll> _polls = [];

    public void Add(OutboxPoll poll) => _polls.Add(poll);

    /// <summary>Takes the poll out unless it is on its way; false when it is (its answer is then simply not awaited).</summary>
    public bool TryWithdraw(OutboxPoll poll) => !poll.InFlight && _polls.Remove(poll);

    public void Remove(OutboxPoll poll) => _polls.Remove(poll);

    /// <summary>Empties the list and returns what was in it.</summary>
    public OutboxPoll[] Clear()
    {
        OutboxPoll[] left = [.. _polls];
        _polls.Clear();
        return left;
    }

    /// <summary>The waiting poll whose time to go alone came first, if that time has come.</summary>
    public OutboxPoll? Due(DateTimeOffset now) =>
        _polls.Where(p => !p.InFlight && p.GoAloneAt <= now).MinBy(p => p.GoAloneAt);

    /// <summary>When the next waiting poll goes alone, or null when none waits.</summary>
    public DateTimeOffset? NextDue() =>
        _polls.Where(p => !p.InFlight).Select(p => (DateTimeOffset?)p.GoAloneAt).Min();

    /// <summary>A waiting poll of the bot that may ride in a batch of its calls, if there is one.</summary>
    public OutboxPoll? RiderFor(HostedBot bot) =>
        _polls.FirstOrDefault(p => !p.InFlight && !p.SendAlone && ReferenceEquals(p.Bot, bot));
}
