using ChatBotHost.Emulator.Rest;

namespace ChatBotHost.Emulator.Limits;

/// <summary>
/// Methods whose operation-time budget a test declared spent (spec §2.4 OPERATION_TIME_LIMIT): each is refused until
/// its reset time passes on the portal's clock. No real accounting of execution time.
/// </summary>
internal sealed class OperatingBlocks(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _blockedUntil = new(StringComparer.OrdinalIgnoreCase);

    public DateTimeOffset Block(string method, TimeSpan resetAfter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resetAfter, TimeSpan.Zero);
        var until = time.GetUtcNow() + resetAfter;
        lock (_gate)
        {
            _blockedUntil[MethodNames.Normalize(method)] = until;
        }

        return until;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _blockedUntil.Clear();
        }
    }

    /// <summary>When the method's budget frees up, or null when the method may run now.</summary>
    public DateTimeOffset? BlockedUntil(string method)
    {
        lock (_gate)
        {
            if (!_blockedUntil.TryGetValue(method, out var until))
            {
                return null;
            }

            if (time.GetUtcNow() < until)
            {
                return until;
            }

            _blockedUntil.Remove(method);
            return null;
        }
    }
}
