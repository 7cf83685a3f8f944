using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Requests.Raw;

namespace ChatBotHost.Abstractions.Rest;

/// <summary>
/// Any Bitrix24 REST method by name (crm.lead.add, tasks.task.add, user.get, …), sent the way the host sends its own
/// calls: the portal's credentials, its shared request bucket, coalescing into batch, retries, and — for methods with
/// an effect — an idempotency key, so a turn that runs again returns what it got the first time instead of repeating it.
/// Typed results, list paging: <see cref="BitrixRestExtensions"/>.
/// </summary>
public interface IBitrixRest
{
    /// <summary>
    /// Calls <paramref name="method"/> and returns its <c>result</c>. <paramref name="parameters"/> is a JsonObject, a
    /// dictionary or any object (an anonymous one will do); names are sent exactly as written. Throws the portal's
    /// <see cref="Bitrix.Client.BitrixApiException"/> (or its typed subclasses) when the call fails for good.
    /// </summary>
    Task<JsonNode?> CallAsync(string method, object? parameters, CancellationToken cancellationToken);

    /// <summary>One page of a list method: its <c>result</c> with <c>next</c> and <c>total</c>.</summary>
    Task<RawPage> CallPageAsync(string method, object? parameters, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the batch's commands in order, in as few requests as the portal takes (at most 50 commands each), and
    /// returns every command's outcome. Throws only when cancelled; a portal's refusal is the failed command's outcome.
    /// </summary>
    Task<RestBatchResult> BatchAsync(RestBatch batch, CancellationToken cancellationToken);
}
