using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Json;

namespace ChatBotHost.Bitrix.Requests.Raw;

/// <summary>One page of a list method: the items, where the next page starts, and how many there are in all.</summary>
public sealed record RawPage
{
    /// <summary>The method's <c>result</c> (for most list methods an array of items).</summary>
    public JsonNode? Result { get; init; }

    /// <summary>The <c>start</c> of the next page; null on the last page.</summary>
    public int? Next { get; init; }

    /// <summary>How many items the whole list has, when the portal says.</summary>
    public int? Total { get; init; }

    /// <summary>Builds the page from the envelope's (or a batch's) result, next and total.</summary>
    internal static RawPage From(JsonNode? result, JsonNode? next, JsonNode? total) => new()
    {
        Result = result?.DeepClone(),
        Next = Number(next),
        Total = Number(total),
    };

    // PHP sends numbers, digit strings, or false/"" for none; anything else is read as "no next page" (it ends paging).
    private static int? Number(JsonNode? node)
    {
        try
        {
            return node?.Deserialize<int?>(BitrixJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
