using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Requests.Revision;
using ChatBotHost.Confirmation;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Faults;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.State;
using ChatBotHost.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// Issue 14: a call answered METHOD_CONFIRM_WAITING ends its turn as waiting, and the administrator's decision
/// (ONAPPMETHODCONFIRM at /bitrix/method-confirm) reaches the waiting dialog through the inbox. Here the answer is
/// injected and the event posted by hand, to send a forged one too; HelpdeskTaskConfirmationTests lets the emulator
/// require the confirmation and send the event itself.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class OAuthMethodConfirmTests(RedisFixture redis)
{
    private static readonly string Method = new RevisionGetRequest().Method;

    [Fact]
    public async Task Decision_AfterACallWaited_ReachesTheWaitingDialogThroughTheInbox()
    {
        await redis.Server.FlushAsync();
        var server = new OAuthServer();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(
            OAuthHosts.Settings(emulator, server, redis.Server.ConfigurationString, "fetch"), typeof(ConfirmProbeBot));
        Assert.Equal(200, await emulator.Portal.OAuth.InstallAppAsync(new Uri(host.BaseUrl, "bitrix/install")));
        await OAuthHosts.WaitForBotAsync(host, emulator, ConfirmProbeBot.Code);
        var chat = new Chat(emulator, ConfirmProbeBot.Code);

        emulator.Portal.Faults.FailNext(1, Fault.Error(401, "METHOD_CONFIRM_WAITING", "Waiting for confirmation"), Method);
        await chat.SayAsync("please");
        var waits = host.Services.GetRequiredService<IMethodConfirmWaits>();
        await WaitUntilAsync(async () => (await waits.ListAsync(OAuthHosts.KeyOf(emulator), Method, CancellationToken.None)).Count == 1);

        // A forged decision is refused and hands nothing out.
        Assert.Equal(403, await PostDecisionAsync(emulator, host, "forged-token", confirmed: true));
        Assert.Single(await waits.ListAsync(OAuthHosts.KeyOf(emulator), Method, CancellationToken.None));

        Assert.Equal(200, await PostDecisionAsync(emulator, host, emulator.Portal.OAuth.ApplicationToken, confirmed: true));
        await chat.ExpectAsync($"decided {Method} allowed");
        Assert.Empty(await waits.ListAsync(OAuthHosts.KeyOf(emulator), Method, CancellationToken.None));
        var letters = await host.Services.GetRequiredService<IDeadLetterStore>().ListAsync(OAuthHosts.KeyOf(emulator), 10, CancellationToken.None);
        Assert.DoesNotContain(letters, l => l.Kind == DeadLetter.Kinds.Event); // the waiting turn was not a failed event
        Assert.Equal(0, chat.Count("called")); // the waiting turn ended where the call waited
    }

    private static Task<int> PostDecisionAsync(BitrixEmulator emulator, InProcessHost host, string applicationToken, bool confirmed)
    {
        var payload = emulator.Portal.OAuth.UninstallPayload(clean: false, applicationToken);
        payload["event"] = MethodConfirmForm.EventName;
        payload["data"] = new JsonObject
        {
            ["TOKEN"] = "the-access-token-that-asked",
            ["METHOD"] = Method,
            ["CONFIRMED"] = confirmed ? "1" : "0",
            ["LANGUAGE_ID"] = "en",
        };
        return emulator.Portal.OAuth.PostAsync(new Uri(host.BaseUrl, MethodConfirmEndpoints.Path.TrimStart('/')), payload);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Waits.Reply);
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
