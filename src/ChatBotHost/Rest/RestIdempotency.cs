using System.Globalization;

namespace ChatBotHost.Rest;

/// <summary>
/// Hands out the idempotency keys of one caller's effects: "{scope}#rest{ordinal}:{method}", the ordinal counting the
/// caller's effects in the order they are made. Run again with the same scope, the same calls get the same keys. The
/// "rest" in the key keeps these apart from the typed calls of the same turn, which count on their own. The method
/// is part of the key, so a run that took another path never gets another call's recorded result.
/// </summary>
internal sealed class RestIdempotency(string? scope)
{
    private int _ordinal;

    /// <summary>Effects go unkeyed (outside a turn without a scope).</summary>
    public static RestIdempotency None { get; } = new(null);

    /// <summary>The key for the next call of <paramref name="method"/>; null for reads and when there is no scope.</summary>
    public string? KeyFor(string method) =>
        RestMethodKinds.HasEffect(method) ? KeyForEffect(method) : null;

    /// <summary>The key for a request with an effect (a batch holding one); null when there is no scope.</summary>
    public string? KeyForEffect(string method) =>
        scope is null ? null : $"{scope}#rest{Interlocked.Increment(ref _ordinal).ToString(CultureInfo.InvariantCulture)}:{method}";
}
