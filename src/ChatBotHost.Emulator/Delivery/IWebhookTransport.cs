namespace ChatBotHost.Emulator.Delivery;

/// <summary>Sends one form-encoded event body to a bot's webhookUrl and reports the HTTP status.</summary>
internal interface IWebhookTransport
{
    Task<int> PostFormAsync(Uri url, string formBody, CancellationToken cancellationToken);
}
