using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ChatBotHost.Bitrix.Json;

namespace ChatBotHost.Bitrix.Client;

/// <summary>Turns a request record into its JSON parameters (camelCase, nulls omitted, no Method).</summary>
internal static class RequestJson
{
    /// <summary>BitrixJson's settings, minus the Method property of requests.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>The request's parameters as a fresh, mutable JSON object.</summary>
    public static JsonObject ToParameters(object request) =>
        JsonSerializer.SerializeToNode(request, request.GetType(), Options) as JsonObject
        ?? throw new InvalidOperationException($"{request.GetType().Name} did not serialize to a JSON object.");

    private static JsonSerializerOptions Create()
    {
        var resolver = BitrixJson.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver();
        var options = new JsonSerializerOptions(BitrixJson.Options) { TypeInfoResolver = resolver.WithAddedModifier(DropMethod) };
        options.MakeReadOnly();
        return options;
    }

    // [JsonIgnore] on the abstract BitrixRequest<T>.Method is not inherited by the overrides System.Text.Json sees,
    // so the property is removed here once for every request type instead of on every override.
    private static void DropMethod(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider is PropertyInfo property && IsRequestMethod(property))
            {
                info.Properties.RemoveAt(i);
            }
        }
    }

    private static bool IsRequestMethod(PropertyInfo property)
    {
        var declaring = property.GetMethod?.GetBaseDefinition().DeclaringType;
        return property.Name == nameof(BitrixRequest<int>.Method)
            && declaring is { IsGenericType: true }
            && declaring.GetGenericTypeDefinition() == typeof(BitrixRequest<>);
    }
}
