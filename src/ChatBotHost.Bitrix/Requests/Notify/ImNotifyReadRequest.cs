using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Notify;

/// <summary>im.notify.read (scope im): marks notifications read, from this id on, or only this one. Answers true.</summary>
public sealed record ImNotifyReadRequest : BitrixRequest<bool>
{
    /// <inheritdoc />
    public override string Method => "im.notify.read";

    /// <summary>The notification (and, unless <see cref="OnlyCurrent"/>, every later one) to mark.</summary>
    [JsonPropertyName("ID")]
    public required int Id { get; init; }

    /// <summary>Marks only <see cref="Id"/>; sent as Y/N.</summary>
    [JsonPropertyName("ONLY_CURRENT")]
    [JsonConverter(typeof(YesNoConverter))]
    public bool? OnlyCurrent { get; init; }
}
