namespace ChatBotHost.Emulator.Delivery;

/// <summary>
/// One bot's fetch queue (spec §5.2): reading does not remove; only a later offset acknowledges,
/// so a consumer that crashes before confirming gets the same events again.
/// </summary>
internal sealed class FetchQueue
{
    private readonly List<QueuedEvent> _events = [];

    public int Count => _events.Count;

    public void Add(QueuedEvent queued) => _events.Add(queued);

    /// <summary>Acknowledges every event below <paramref name="offset"/> (if given), then reads up to <paramref name="limit"/> from it on.</summary>
    public (IReadOnlyList<QueuedEvent> Events, bool HasMore) Read(long? offset, int limit)
    {
        if (offset is long acked)
        {
            _events.RemoveAll(e => e.EventId < acked);
        }

        var from = offset ?? long.MinValue;
        var pending = _events.Where(e => e.EventId >= from).ToList();
        return (pending.Take(limit).ToList(), pending.Count > limit);
    }
}
