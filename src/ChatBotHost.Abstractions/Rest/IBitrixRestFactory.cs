namespace ChatBotHost.Abstractions.Rest;

/// <summary>
/// <see cref="IBitrixRest"/> outside a turn — in a hosted service or a scheduled job — for a given portal (inject it).
/// Calls take the same road as a turn's. Outside a turn there is no event to key effects by: a method with an effect
/// gets an idempotency key only when <see cref="RestScope.IdempotencyScope"/> is given (e.g. the job's id and run), and
/// then the same calls made in the same order under the same scope are sent once and answered from the record after.
/// </summary>
public interface IBitrixRestFactory
{
    /// <summary>The application portals this host serves now (installed, not uninstalled).</summary>
    IReadOnlyList<BitrixPortal> ApplicationPortals { get; }

    /// <summary>The portal of the incoming webhook (ChatBotHost:Portal:WebhookUrl; the emulator in local mode).</summary>
    /// <exception cref="InvalidOperationException">No webhook portal is configured.</exception>
    IBitrixRest ForWebhookPortal(RestScope? scope = null);

    /// <summary>An application portal by its member_id.</summary>
    /// <exception cref="InvalidOperationException">No installation with that member_id is served here.</exception>
    IBitrixRest ForApplicationPortal(string memberId, RestScope? scope = null);
}
