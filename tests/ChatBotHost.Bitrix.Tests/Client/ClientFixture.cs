using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Bitrix.Tests.Client;

/// <summary>A BitrixClient on a recording handler with webhook credentials.</summary>
internal sealed class ClientFixture : IDisposable
{
    public const string WebhookCode = "s3cr3tc0de";
    public const string BotToken = "tok123secret";
    public static readonly Uri WebhookBase = new($"https://portal.example.com/rest/1/{WebhookCode}/");

    public ClientFixture(IBitrixCredentials? credentials = null)
    {
        Handler = new RecordingHandler();
        Http = new HttpClient(Handler);
        Logger = new ListLogger<BitrixClient>();
        Client = new BitrixClient(Http, credentials ?? new WebhookCredentials(WebhookBase, BotToken, 456), logger: Logger);
    }

    public RecordingHandler Handler { get; }

    public HttpClient Http { get; }

    public ListLogger<BitrixClient> Logger { get; }

    public BitrixClient Client { get; }

    public RecordedRequest Single => Assert.Single(Handler.Requests);

    public void Dispose() => Http.Dispose();
}
