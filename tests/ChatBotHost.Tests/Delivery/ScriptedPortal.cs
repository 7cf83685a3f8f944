using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Tests.Delivery;

/// <summary>
/// A fake Bitrix24 at the HTTP level, behind the real BitrixClient: it decodes plain calls and batches as the portal
/// receives them, answers each call through <see cref="Script"/> (default: Message.send gets a fresh id, anything else
/// ok), can hold requests unanswered, and records every request, and how many were ever under way at once.
/// </summary>
internal sealed class ScriptedPortal : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<PortalRequest> _requests = [];
    private readonly List<(PortalCall First, PortalCall Second)> _overlaps = [];
    private readonly List<PortalRequest> _underWay = [];
    private TaskCompletionSource? _hold;
    private int _held;
    private int _nextId = 1000;

    /// <summary>Answers one call; null means the default answer.</summary>
    public Func<PortalCall, PortalAnswer?>? Script { get; set; }

    /// <summary>Answers a whole request before its calls are looked at (a 500, a 503); null lets it through.</summary>
    public Func<PortalRequest, PortalAnswer?>? RequestScript { get; set; }

    public IReadOnlyList<PortalRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Every call a successful send reached, in the order the portal executed them.</summary>
    public IReadOnlyList<PortalCall> Calls => [.. Requests.SelectMany(r => r.Calls)];

    /// <summary>Pairs of calls of one dialog that were in two requests under way at the same time.</summary>
    public IReadOnlyList<(PortalCall First, PortalCall Second)> DialogOverlaps
    {
        get
        {
            lock (_gate)
            {
                return [.. _overlaps];
            }
        }
    }

    public int Held
    {
        get
        {
            lock (_gate)
            {
                return _held;
            }
        }
    }

    /// <summary>Holds every request that arrives until the returned handle is disposed.</summary>
    public IDisposable HoldRequests()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _hold = hold;
        }

        return new Release(() =>
        {
            lock (_gate)
            {
                _hold = null;
            }

            hold.TrySetResult();
        });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri!.Segments[^1];
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        var received = method == "batch"
            ? new PortalRequest(method, Decode(body["cmd"]!.AsObject()), Halt: body["halt"]?.GetValue<int>() == 1)
            : new PortalRequest(method, [new PortalCall(method, body)]);
        var hold = Arrive(received);
        try
        {
            if (hold is not null)
            {
                await hold.WaitAsync(cancellationToken);
            }

            return RequestScript?.Invoke(received) is { } fault ? Respond(fault) : Respond(received);
        }
        finally
        {
            lock (_gate)
            {
                _underWay.Remove(received);
                _held -= hold is null ? 0 : 1;
            }
        }
    }

    private Task? Arrive(PortalRequest received)
    {
        lock (_gate)
        {
            _requests.Add(received);
            foreach (var other in _underWay)
            {
                _overlaps.AddRange(
                    from mine in received.Calls
                    from theirs in other.Calls
                    where mine.DialogId is not null && mine.DialogId == theirs.DialogId
                    select (theirs, mine));
            }

            _underWay.Add(received);
            _held += _hold is null ? 0 : 1;
            return _hold?.Task;
        }
    }

    private HttpResponseMessage Respond(PortalRequest received)
    {
        if (!received.IsBatch)
        {
            return Respond(Answer(received.Calls[0]));
        }

        var results = new JsonObject();
        var errors = new JsonObject();
        for (var i = 0; i < received.Calls.Count; i++)
        {
            var answer = Answer(received.Calls[i]);
            var id = $"c{i}";
            if (answer.Error is null)
            {
                results[id] = answer.Result;
            }
            else
            {
                errors[id] = new JsonObject { ["error"] = answer.Error, ["error_description"] = $"scripted {answer.Error}" };
                if (received.Halt)
                {
                    break;
                }
            }
        }

        return Respond(new PortalAnswer(new JsonObject { ["result"] = results, ["result_error"] = errors, ["result_total"] = new JsonArray(), ["result_next"] = new JsonArray() }));
    }

    private PortalAnswer Answer(PortalCall call) => Script?.Invoke(call) ?? call.Method switch
    {
        "imbot.v2.Chat.Message.send" => new PortalAnswer(new JsonObject { ["id"] = Interlocked.Increment(ref _nextId), ["uuidMap"] = new JsonArray() }),
        _ => new PortalAnswer(new JsonObject { ["result"] = true }),
    };

    private static HttpResponseMessage Respond(PortalAnswer answer)
    {
        var envelope = answer.Error is null
            ? new JsonObject { ["result"] = answer.Result }
            : new JsonObject { ["error"] = answer.Error, ["error_description"] = $"scripted {answer.Error}" };
        if (answer.OperatingResetAt is { } resetAt)
        {
            envelope["time"] = new JsonObject { ["operating_reset_at"] = resetAt };
        }

        return new HttpResponseMessage(answer.Status)
        {
            Content = new StringContent(envelope.ToJsonString(), Encoding.UTF8, "application/json"),
        };
    }

    private static List<PortalCall> Decode(JsonObject commands) =>
    [
        .. commands.Select(command =>
        {
            var text = command.Value!.ToString();
            var question = text.IndexOf('?', StringComparison.Ordinal);
            return question < 0
                ? new PortalCall(text, [])
                : new PortalCall(text[..question], PhpForm.Decode(text[(question + 1)..]));
        }),
    ];

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
