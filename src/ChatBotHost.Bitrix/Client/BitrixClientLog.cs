using Microsoft.Extensions.Logging;

namespace ChatBotHost.Bitrix.Client;

/// <summary>The client's log lines; they name the method and host only, never URLs, tokens or bodies.</summary>
internal static partial class BitrixClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "{Method} on {Host} answered HTTP {Status} in {ElapsedMs:0} ms")]
    public static partial void Answered(ILogger logger, string method, string host, int status, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Method} on {Host} failed in transport: {Error}")]
    public static partial void Failed(ILogger logger, string method, string host, HttpRequestError error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "{Method} on {Host} timed out")]
    public static partial void TimedOut(ILogger logger, string method, string host);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{Method}: access token refreshed after expired_token; retrying once")]
    public static partial void Refreshed(ILogger logger, string method);
}
