namespace ChatBotHost.Confirmation;

/// <summary>
/// Who waits for the administrator's decision on a method: (portal, method) → the waiting (bot, dialog)s. Recorded when
/// a turn's call is answered METHOD_CONFIRM_WAITING; read and removed when ONAPPMETHODCONFIRM arrives. Method names are
/// compared case-insensitively. Records expire after <see cref="Retention"/> without a new wait.
/// </summary>
internal interface IMethodConfirmWaits
{
    /// <summary>How long a (portal, method) record lives after its last wait was recorded.</summary>
    static TimeSpan Retention => TimeSpan.FromDays(30);

    /// <summary>Records that <paramref name="wait"/> waits; recording the same bot and dialog again replaces it.</summary>
    Task RecordAsync(string portal, string method, MethodConfirmWait wait, CancellationToken cancellationToken);

    /// <summary>The waits recorded for the method on the portal, in no particular order.</summary>
    Task<IReadOnlyList<MethodConfirmWait>> ListAsync(string portal, string method, CancellationToken cancellationToken);

    /// <summary>Removes these waits (those handed the decision); waits recorded meanwhile stay.</summary>
    Task RemoveAsync(string portal, string method, IReadOnlyCollection<MethodConfirmWait> waits, CancellationToken cancellationToken);
}
