using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Emulator.Tests.Support;

/// <summary>The OAuth application side of a test: installs it on the emulator, calls /rest/{method} with an access token, refreshes.</summary>
internal sealed class AppClient(BitrixEmulator emulator)
{
    private readonly PortalClient _rest = new(new Uri(emulator.BaseUrl, "rest/"));

    public string AccessToken { get; private set; } = "";

    public string RefreshToken { get; private set; } = "";

    public static async Task<AppClient> InstallAsync(BitrixEmulator emulator, TimeSpan patience)
    {
        await using var installUrl = await WebhookReceiver.StartAsync();
        await emulator.Portal.OAuth.InstallAppAsync(installUrl.Url);
        var auth = PhpForm.Decode((await installUrl.NextAsync(patience)).Body)["auth"]!;
        return new AppClient(emulator)
        {
            AccessToken = auth["access_token"]!.GetValue<string>(),
            RefreshToken = auth["refresh_token"]!.GetValue<string>(),
        };
    }

    public Task<ApiAnswer> CallAsync(string method, JsonObject? body = null)
    {
        body ??= [];
        body["auth"] = AccessToken;
        return _rest.CallAsync(method, body);
    }

    /// <summary>Trades the refresh token for a new pair, as the host does on expired_token.</summary>
    public async Task RefreshAsync()
    {
        var server = emulator.Portal.OAuth.Server;
        var answer = await new PortalClient(emulator.OAuthServerUrl).GetAsync(
            $"oauth/token/?grant_type=refresh_token&client_id={server.ClientId}&client_secret={server.ClientSecret}&refresh_token={RefreshToken}");
        AccessToken = answer.Body["access_token"]!.GetValue<string>();
        RefreshToken = answer.Body["refresh_token"]!.GetValue<string>();
    }
}
