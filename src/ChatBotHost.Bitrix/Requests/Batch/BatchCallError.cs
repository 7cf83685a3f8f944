namespace ChatBotHost.Bitrix.Requests.Batch;

/// <summary>A failed sub-call's error envelope.</summary>
/// <param name="Error">The code to switch on, e.g. ACCESS_DENIED.</param>
/// <param name="Description">Text for logs.</param>
public sealed record BatchCallError(string Error, string? Description);
