namespace ChatBotHost.Proactive;

/// <summary>The JSON body of POST /api/bots/{botCode}/messages.</summary>
internal sealed record ProactiveRequest(string? DialogId, string? Message, string? MemberId);
