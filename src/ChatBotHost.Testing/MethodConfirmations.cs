using System.Net;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Testing;

/// <summary>
/// The administrator's decisions on the test kit's portal: a method configured in <see cref="PortalMethods"/> waits until
/// decided, as a Bitrix24 portal answers it (401 METHOD_CONFIRM_WAITING, then success or 403 METHOD_CONFIRM_DENIED).
/// </summary>
internal sealed class MethodConfirmations(PortalMethods methods)
{
    private readonly Dictionary<string, bool> _decided = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public void Decide(string method, bool allow)
    {
        lock (_gate)
        {
            _decided[method] = allow;
        }
    }

    /// <summary>Throws what the portal answers a method that is refused, or not (yet) allowed.</summary>
    public void Check(string method)
    {
        if (methods.Refused.TryGetValue(method, out var refusal))
        {
            throw BitrixApiException.From(refusal.Error, $"{method} refused by the test", (HttpStatusCode)refusal.Status);
        }

        if (!methods.NeedingConfirmation.Contains(method))
        {
            return;
        }

        bool? decision;
        lock (_gate)
        {
            decision = _decided.TryGetValue(method, out var allow) ? allow : null;
        }

        switch (decision)
        {
            case null:
                throw new MethodConfirmWaitingException("Waiting for confirmation", HttpStatusCode.Unauthorized);
            case false:
                throw new MethodConfirmDeniedException("Method call denied", HttpStatusCode.Forbidden);
        }
    }
}
