namespace ChatBotHost.Emulator.Faults;

/// <summary>A fault to inject: its kind and, for the kinds that take one, a duration.</summary>
/// <param name="Kind">What happens to the request.</param>
/// <param name="Duration">SlowAnswer: the answer's delay; Http429OperationTimeLimit: how far ahead operating_reset_at lies.</param>
/// <param name="Status">ErrorAnswer: the HTTP status.</param>
/// <param name="Code">ErrorAnswer: the error code, any of Bitrix24's (QUERY_LIMIT_EXCEEDED, PORTAL_DELETED, expired_token...).</param>
public sealed record Fault(FaultKind Kind, TimeSpan Duration, int Status = 0, string? Code = null)
{
    /// <summary>Used when a fault is given by kind alone.</summary>
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(5);

    public static Fault QueryLimit { get; } = new(FaultKind.Http503QueryLimit, TimeSpan.Zero);

    public static Fault InternalError { get; } = new(FaultKind.Http500, TimeSpan.Zero);

    public static Fault DroppedConnection { get; } = new(FaultKind.DroppedConnection, TimeSpan.Zero);

    public static Fault AcceptedThenDropped { get; } = new(FaultKind.AcceptedThenDropped, TimeSpan.Zero);

    /// <summary>429 OPERATION_TIME_LIMIT with operating_reset_at = now + <paramref name="resetAfter"/> (portal clock).</summary>
    public static Fault OperationTimeLimit(TimeSpan resetAfter) => new(FaultKind.Http429OperationTimeLimit, resetAfter);

    /// <summary>Answers <paramref name="status"/> with the error envelope of <paramref name="code"/>; the call is not performed.</summary>
    public static Fault Error(int status, string code, string? description = null) =>
        new(FaultKind.ErrorAnswer, TimeSpan.Zero, status, code) { Description = description ?? $"Injected {code}" };

    /// <summary>ErrorAnswer: the error_description sent with the code.</summary>
    public string? Description { get; init; }

    /// <summary>The call is performed, its answer written <paramref name="delay"/> later (portal clock).</summary>
    public static Fault SlowAnswer(TimeSpan delay) => new(FaultKind.SlowAnswer, delay);

    /// <summary>The fault of that kind, with <see cref="DefaultDuration"/> where a duration applies.</summary>
    public static Fault Of(FaultKind kind) => new(kind, kind is FaultKind.SlowAnswer or FaultKind.Http429OperationTimeLimit ? DefaultDuration : TimeSpan.Zero);
}
