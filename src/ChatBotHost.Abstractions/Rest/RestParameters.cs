using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ChatBotHost.Abstractions.Rest;

/// <summary>Turns what an author passes as parameters into the JSON object sent, names untouched.</summary>
public static class RestParameters
{
    // No naming policy: Bitrix24 names are case-sensitive and often upper case (FIELDS, TITLE, ID), and camelCase
    // would turn TITLE into tITLE. Nulls are kept: an author who writes one means it.
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>A fresh JSON object from a JsonObject (copied), a dictionary or an object's properties; null gives {}.</summary>
    /// <exception cref="ArgumentException">The parameters are not an object (a list or a scalar).</exception>
    public static JsonObject From(object? parameters) => parameters switch
    {
        null => [],
        JsonObject json => (JsonObject)json.DeepClone(),
        JsonNode => throw new ArgumentException("REST parameters must be a JSON object.", nameof(parameters)),
        _ => JsonSerializer.SerializeToNode(parameters, parameters.GetType(), Options) as JsonObject
            ?? throw new ArgumentException($"REST parameters must serialize to a JSON object, not {parameters.GetType().Name}.", nameof(parameters)),
    };
}
