using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Json;
using ChatBotHost.Bitrix.Requests.Raw;

namespace ChatBotHost.Bitrix.Requests.Batch;

/// <summary>
/// The answers of a batch, per sub-call id: a result, an error, or neither when a halted batch never ran the call.
/// The batch itself answers HTTP 200 even when sub-calls fail.
/// </summary>
[JsonConverter(typeof(BatchResultConverter))]
public sealed record BatchResult
{
    /// <summary>Each successful sub-call's <c>result</c>, untyped.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Results { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Each failed sub-call's error.</summary>
    public IReadOnlyDictionary<string, BatchCallError> Errors { get; init; } = new Dictionary<string, BatchCallError>();

    /// <summary>Where the next page of each list sub-call starts (result_next); absent on a last page.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Next { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>How many items each list sub-call's whole list has (result_total).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Total { get; init; } = new Dictionary<string, JsonNode?>();

    /// <summary>Each sub-call's timing (result_time), untyped.</summary>
    public JsonObject Times { get; init; } = [];

    /// <summary>Whether the sub-call succeeded.</summary>
    public bool Succeeded(string id) => Results.ContainsKey(id);

    /// <summary>The sub-call's error as the exception a direct call would have thrown; null when it did not fail.</summary>
    public BitrixApiException? GetError(string id) =>
        Errors.TryGetValue(id, out var error)
            // Sub-calls carry no HTTP status of their own; the batch itself came back 200.
            ? BitrixApiException.From(error.Error, error.Description, HttpStatusCode.OK)
            : null;

    /// <summary>The sub-call's result read as <typeparamref name="T"/> (the request's result type).</summary>
    /// <exception cref="BitrixApiException">The sub-call failed, or its result could not be read as T.</exception>
    /// <exception cref="KeyNotFoundException">The sub-call did not run (halted batch or unknown id).</exception>
    public T GetResult<T>(string id)
    {
        if (GetError(id) is { } error)
        {
            throw error;
        }

        if (!Results.TryGetValue(id, out var node))
        {
            throw new KeyNotFoundException($"The batch has no answer for '{id}' (not run, or no such id).");
        }

        if (typeof(T) == typeof(RawPage))
        {
            return (T)(object)RawPage.From(node, Next.GetValueOrDefault(id), Total.GetValueOrDefault(id));
        }

        try
        {
            return node.Deserialize<T>(BitrixJson.Options)!;
        }
        catch (JsonException e)
        {
            throw new BitrixApiException(
                BitrixErrors.UnexpectedAnswer, $"batch '{id}': the result could not be read as {typeof(T).Name}: {e.Message}", HttpStatusCode.OK, inner: e);
        }
    }
}
