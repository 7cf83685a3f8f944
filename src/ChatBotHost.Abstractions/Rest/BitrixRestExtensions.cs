using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Abstractions.Rest;

/// <summary>Typed results and paged lists on top of <see cref="IBitrixRest"/>.</summary>
public static class BitrixRestExtensions
{
    /// <summary>Calls the method and reads its <c>result</c> as <typeparamref name="TResult"/> (names match case-insensitively; PHP's "5", "Y", [] are read tolerantly).</summary>
    /// <exception cref="BitrixApiException">The call failed, or its result could not be read as <typeparamref name="TResult"/> (ERROR_UNEXPECTED_ANSWER).</exception>
    public static async Task<TResult> CallAsync<TResult>(this IBitrixRest rest, string method, object? parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rest);
        var result = await rest.CallAsync(method, parameters, cancellationToken);
        return RestResults.Read<TResult>(method, result);
    }

    /// <summary>
    /// Every item of a list method, page by page (<c>start</c> = the previous page's <c>next</c>), fetched as they are
    /// read. A page's items are its result when that is an array, or the one array inside an object result
    /// (tasks.task.list answers {"tasks": [...]}). Paging stops on a page without <c>next</c>, with no items, or with a
    /// <c>next</c> that does not move forward (a portal answering the same page again would otherwise never end).
    /// </summary>
    public static async IAsyncEnumerable<JsonNode> ListAsync(
        this IBitrixRest rest, string method, object? parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rest);
        var query = RestParameters.From(parameters);
        var start = query["start"] is JsonValue given && given.TryGetValue(out int first) ? first : 0;
        while (true)
        {
            query["start"] = start;
            var page = await rest.CallPageAsync(method, query, cancellationToken);
            var items = ItemsOf(page.Result);
            foreach (var item in items)
            {
                yield return item;
            }

            if (items.Count == 0 || page.Next is not { } next || next <= start)
            {
                yield break;
            }

            start = next;
        }
    }

    /// <summary>Every item of a list method read as <typeparamref name="TItem"/>; paging as <see cref="ListAsync(IBitrixRest, string, object?, CancellationToken)"/>.</summary>
    public static async IAsyncEnumerable<TItem> ListAsync<TItem>(
        this IBitrixRest rest, string method, object? parameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in rest.ListAsync(method, parameters, cancellationToken))
        {
            yield return RestResults.Read<TItem>(method, item);
        }
    }

    private static List<JsonNode> ItemsOf(JsonNode? result)
    {
        var list = result switch
        {
            JsonArray array => array,
            JsonObject wrapper when wrapper.Count == 1 && wrapper.Single().Value is JsonArray inner => inner,
            // PHP writes a list whose keys are not 0..n as an object: its values are the items.
            JsonObject map => (IEnumerable<JsonNode?>)map.Select(p => p.Value),
            _ => [],
        };
        return [.. list.OfType<JsonNode>()];
    }
}
