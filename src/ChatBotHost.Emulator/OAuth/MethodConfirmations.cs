using ChatBotHost.Emulator.Rest;

namespace ChatBotHost.Emulator.OAuth;

/// <summary>
/// Methods that need the portal administrator's confirmation, and the requests made for them. As on Bitrix24, the
/// permission belongs to the access token that asked: the first call of such a method with a token records a pending
/// request and answers 401 METHOD_CONFIRM_WAITING; later calls answer the same until the administrator decides, then
/// the method runs (allowed) or answers 403 METHOD_CONFIRM_DENIED. Incoming-webhook calls are never asked.
/// </summary>
internal sealed class MethodConfirmations(TimeProvider clock, IEnumerable<string> required)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _required = new(required.Select(MethodNames.Normalize), StringComparer.OrdinalIgnoreCase);
    private readonly List<Request> _requests = [];
    private int _nextId = 1;

    public void Require(string method)
    {
        lock (_gate)
        {
            _required.Add(MethodNames.Normalize(method));
        }
    }

    /// <summary>Null when the call may run; otherwise the refusal to answer (and the request is recorded).</summary>
    public RestException? Check(string method, string accessToken, int userId)
    {
        lock (_gate)
        {
            if (!_required.Contains(method))
            {
                return null;
            }

            var request = _requests.Find(r => r.AccessToken == accessToken && string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase));
            if (request is null)
            {
                request = new Request(_nextId++, method, accessToken, userId, clock.GetUtcNow());
                _requests.Add(request);
            }

            return request.State switch
            {
                ConfirmationState.Allowed => null,
                ConfirmationState.Denied => new RestException("METHOD_CONFIRM_DENIED", "Method call denied", 403),
                _ => new RestException("METHOD_CONFIRM_WAITING", "Waiting for confirmation", 401),
            };
        }
    }

    public IReadOnlyList<MethodConfirmation> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests.Select(r => r.View())];
        }
    }

    /// <summary>Records the administrator's decision; returns the token and method the ONAPPMETHODCONFIRM event names.</summary>
    /// <exception cref="ArgumentException">No request has that id.</exception>
    /// <exception cref="InvalidOperationException">The request was decided already.</exception>
    public (string AccessToken, string Method) Decide(int id, bool allow)
    {
        lock (_gate)
        {
            var request = _requests.Find(r => r.Id == id)
                ?? throw new ArgumentException($"There is no confirmation request {id}.", nameof(id));
            if (request.State != ConfirmationState.Pending)
            {
                throw new InvalidOperationException($"Confirmation request {id} was {request.State.ToString().ToLowerInvariant()} already.");
            }

            request.State = allow ? ConfirmationState.Allowed : ConfirmationState.Denied;
            return (request.AccessToken, request.Method);
        }
    }

    /// <summary>Forgets every request (the application was uninstalled: its tokens are gone).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    private sealed class Request(int id, string method, string accessToken, int userId, DateTimeOffset requestedAt)
    {
        public int Id { get; } = id;

        public string Method { get; } = method;

        public string AccessToken { get; } = accessToken;

        public ConfirmationState State { get; set; }

        public MethodConfirmation View() => new(Id, Method, userId, requestedAt, State);
    }
}
