using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Abstractions.Rest;

/// <summary>One command's outcome in a <see cref="RestBatchResult"/>.</summary>
public sealed record RestCommandResult
{
    /// <summary>The command's name.</summary>
    public required string Name { get; init; }

    /// <summary>The command's method.</summary>
    public required string Method { get; init; }

    /// <summary>Whether it succeeded, failed or never ran.</summary>
    public required RestCommandStatus Status { get; init; }

    /// <summary>Its <c>result</c> when it succeeded.</summary>
    public JsonNode? Result { get; init; }

    /// <summary>For a list method: where the next page starts (result_next).</summary>
    public int? Next { get; init; }

    /// <summary>For a list method: how many items the whole list has (result_total).</summary>
    public int? Total { get; init; }

    /// <summary>Why it failed (code and description; METHOD_CONFIRM_WAITING and _DENIED as their own types).</summary>
    public BitrixApiException? Error { get; init; }
}
