using System.Text.Json.Nodes;

namespace ChatBotHost.Abstractions.Messages;

/// <summary>Adds optional values to a wire object; a null value is left out so Bitrix24 applies its default.</summary>
internal static class JsonFields
{
    /// <summary>Sets the key when the value is not null; returns the object for chaining.</summary>
    public static JsonObject Opt(this JsonObject json, string key, string? value)
    {
        if (value is not null)
        {
            json[key] = value;
        }

        return json;
    }

    /// <summary>Sets the key when the value is not null; returns the object for chaining.</summary>
    public static JsonObject Opt(this JsonObject json, string key, long? value)
    {
        if (value is { } number)
        {
            json[key] = number;
        }

        return json;
    }

    /// <summary>Sets the key to "Y"/"N" when the flag is not null, the form Bitrix24 reads for keyboard flags.</summary>
    public static JsonObject Opt(this JsonObject json, string key, bool? flag) =>
        json.Opt(key, flag is { } value ? WireValues.YesNo(value) : null);
}
