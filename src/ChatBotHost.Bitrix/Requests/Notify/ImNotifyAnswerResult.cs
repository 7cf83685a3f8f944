using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests.Notify;

/// <summary>What im.notify.confirm and im.notify.answer return: the portal's messages about the answer, if any.</summary>
[JsonConverter(typeof(ImNotifyAnswerResultConverter))]
public sealed record ImNotifyAnswerResult
{
    /// <summary>The portal's texts (e.g. "Invitation accepted"); empty when the notification took no such answer.</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];
}
