namespace ChatBotHost.Emulator.Chat;

/// <summary>A chat API request refused before it is acted on (not JSON, too large, unreadable), with the status to answer.</summary>
internal sealed class ChatRequestException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
