using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Delivery;

/// <summary>
/// The portal refuses all REST (OVERLOAD_LIMIT: blocked by hand; PORTAL_DELETED) and this replica stopped calling it.
/// Carries the portal's code and description, and when the next probe request may go. No request was made for it,
/// unless it is the answer that suspended the portal.
/// </summary>
internal sealed class PortalSuspendedException(BitrixApiException answer, DateTimeOffset probeAt)
    : BitrixApiException(answer.Error, answer.Description, answer.StatusCode, inner: answer)
{
    /// <summary>When this replica tries the portal again (one request, the probe).</summary>
    public DateTimeOffset ProbeAt { get; } = probeAt;
}
