using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Requests.Batch;

/// <summary>
/// batch: up to 50 calls in one HTTP request (spec §2.5), each named by an id of your choice.
/// Sub-calls travel as "method?query" in PHP form encoding with Y/N flags; each is authorized on its own.
/// </summary>
public sealed record BatchRequest : BitrixRequest<BatchResult>, IComposedRequest
{
    /// <summary>The most sub-calls one batch may carry.</summary>
    public const int MaxCalls = 50;

    private static readonly string[] ForbiddenMethods = ["batch", "imbot.v2.File.upload", "imbot.v2.File.download"];

    private readonly List<BatchCall> _calls = [];

    /// <summary>Creates an empty batch.</summary>
    public BatchRequest()
    {
    }

    // `with` must not share the list of calls between two batches.
    private BatchRequest(BatchRequest original)
        : base(original)
    {
        Halt = original.Halt;
        _calls = [.. original._calls];
    }

    /// <inheritdoc />
    public override string Method => "batch";

    /// <summary>Stop at the first failing sub-call (later ones are not run).</summary>
    public bool Halt { get; init; }

    /// <summary>How many sub-calls were added.</summary>
    public int Count => _calls.Count;

    /// <summary>The sub-call ids in the order they were added.</summary>
    public IReadOnlyList<string> Ids => [.. _calls.Select(call => call.Id)];

    /// <summary>Adds a sub-call; read its answer with <see cref="BatchResult.GetResult{T}(string)"/>. Returns this batch.</summary>
    /// <exception cref="ArgumentException">A duplicate id, a 51st call, or a method forbidden in batch (file up/download, batch).</exception>
    public BatchRequest Add<TResult>(string id, BitrixRequest<TResult> request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(request);
        if (_calls.Count >= MaxCalls)
        {
            throw new ArgumentException($"A batch carries at most {MaxCalls} calls.", nameof(request));
        }

        if (_calls.Exists(call => string.Equals(call.Id, id, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The batch already has a call named '{id}'.", nameof(id));
        }

        if (ForbiddenMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{request.Method} is not allowed inside a batch.", nameof(request));
        }

        _calls.Add(new BatchCall(id, request.Method, RequestJson.ToParameters(request)));
        return this;
    }

    /// <inheritdoc />
    async ValueTask<JsonObject> IComposedRequest.ComposeAsync(IBitrixCredentials credentials, CancellationToken cancellationToken)
    {
        var commands = new JsonObject();
        foreach (var call in _calls)
        {
            // A fresh copy each time: a retry after a token refresh must not see the previous authorization.
            var parameters = (JsonObject)call.Parameters.DeepClone();
            await credentials.AuthorizeBatchCallAsync(call.Method, parameters, cancellationToken);
            var query = PhpForm.Encode(parameters, PhpBooleans.YesNo);
            commands[call.Id] = query.Length == 0 ? call.Method : $"{call.Method}?{query}";
        }

        return new JsonObject { ["halt"] = Halt ? 1 : 0, ["cmd"] = commands };
    }
}
