using System.Text.Json.Serialization;

namespace ChatBotHost.Bitrix.Requests.Tasks;

/// <summary>The <c>fields</c> of tasks.task.add; the portal names them in upper case.</summary>
public sealed record TaskFields
{
    /// <summary>The task's title (required).</summary>
    [JsonPropertyName("TITLE")]
    public required string Title { get; init; }

    /// <summary>The task's description (BB code allowed).</summary>
    [JsonPropertyName("DESCRIPTION")]
    public string? Description { get; init; }

    /// <summary>The user responsible for the task; the portal's default (the creator) when omitted.</summary>
    [JsonPropertyName("RESPONSIBLE_ID")]
    public int? ResponsibleId { get; init; }

    /// <summary>The user who set the task; the caller when omitted.</summary>
    [JsonPropertyName("CREATED_BY")]
    public int? CreatedBy { get; init; }
}
