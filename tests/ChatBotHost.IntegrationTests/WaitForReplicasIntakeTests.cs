using System.Globalization;
using System.Net;
using System.Text.Json;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// ChatBotHost:Redis:WaitForReplicas end to end: a webhook delivery is answered 200 only once a replica has it (WAIT on
/// the node that stored it), and 503 when no replica confirms it in time.
/// </summary>
public sealed class WaitForReplicasIntakeTests
{
    [Fact]
    public async Task Webhook_PrimaryWithAReplica_IsAnswered200AndHandled()
    {
        await using var primary = await RedisServer.StartAsync();
        await using var replica = await RedisServer.StartAsync(extraArguments: ["--replicaof", "127.0.0.1", primary.Port.ToString(CultureInfo.InvariantCulture)]);
        await RedisCluster.WaitUntilInSyncAsync(replica);
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(WaitingForOneReplica(emulator, primary), typeof(EchoBot));
        var bot = emulator.Portal.FindBot("echo")!;
        using var http = new HttpClient();

        var answer = await WebhookForms.PostAsync(http, bot.WebhookUrl!, WebhookForms.MessageAdded(bot.Id, bot.ApplicationToken, messageId: "2000001"));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await emulator.Portal.WaitForBotMessageAsync(m => m.Text.StartsWith("You said:", StringComparison.Ordinal), Waits.Reply, CancellationToken.None);
    }

    [Fact]
    public async Task Webhook_NoReplicaConfirms_IsAnswered503WithAShortReason()
    {
        await using var primary = await RedisServer.StartAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        await using var host = await InProcessHost.StartAsync(WaitingForOneReplica(emulator, primary), typeof(EchoBot));
        var bot = emulator.Portal.FindBot("echo")!;
        using var http = new HttpClient();

        var answer = await WebhookForms.PostAsync(http, bot.WebhookUrl!, WebhookForms.MessageAdded(bot.Id, bot.ApplicationToken, messageId: "2000002"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.Equal(
            "The event could not be stored, so it is not accepted: too few Redis replicas confirmed it in time.",
            json.RootElement.GetProperty("detail").GetString());
    }

    private static HostSettings WaitingForOneReplica(BitrixEmulator emulator, RedisServer primary) =>
        new HostSettings(emulator, primary.ConfigurationString, "webhook")
            .Set("ChatBotHost:Redis:WaitForReplicas", "1")
            .Set("ChatBotHost:Redis:WaitForReplicasTimeout", "00:00:00.200");
}
