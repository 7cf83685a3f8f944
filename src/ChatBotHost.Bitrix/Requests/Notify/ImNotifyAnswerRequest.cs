using System.Text.Json.Serialization;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Requests.Notify;

/// <summary>
/// im.notify.answer (scope im): answers a notification that takes a quick reply. Fails with
/// <see cref="ImNotifyErrors.IdError"/> or <see cref="ImNotifyErrors.AnswerTextError"/>.
/// </summary>
public sealed record ImNotifyAnswerRequest : BitrixRequest<ImNotifyAnswerResult>
{
    /// <inheritdoc />
    public override string Method => "im.notify.answer";

    /// <summary>The notification answered.</summary>
    [JsonPropertyName("ID")]
    public required int Id { get; init; }

    /// <summary>The reply's text; must not be empty.</summary>
    [JsonPropertyName("ANSWER_TEXT")]
    public required string AnswerText { get; init; }
}
