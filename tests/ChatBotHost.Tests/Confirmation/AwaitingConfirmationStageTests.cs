using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Tasks;
using ChatBotHost.Confirmation;
using ChatBotHost.Hosting;
using ChatBotHost.Pipeline;
using ChatBotHost.Registration;
using ChatBotHost.Tests.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChatBotHost.Tests.Confirmation;

public sealed class AwaitingConfirmationStageTests
{
    private static readonly TasksTaskAddRequest AddTask = new() { Fields = new TaskFields { Title = "Printer" } };

    [Fact]
    public async Task Turn_CallWaitsForAdministrator_EndsAsAwaitingConfirmationAndRecordsWhoWaits()
    {
        await using var harness = Harness(new MethodConfirmWaitingException("Waiting for confirmation", HttpStatusCode.Unauthorized));
        var bot = Bot();

        var outcome = await harness.ProcessAsync(bot, TestEvents.Message("file it", dialogId: "chat5"));

        Assert.Equal(TurnOutcome.AwaitingConfirmation, outcome);
        var waits = harness.Services.GetRequiredService<IMethodConfirmWaits>();
        Assert.Equal([new MethodConfirmWait("testbot", "chat5")], await waits.ListAsync(bot.Portal.Key, "tasks.task.add", CancellationToken.None));
    }

    [Fact]
    public async Task Turn_CallWaitsForAdministrator_IsMarkedHandledSoARedeliveryIsDropped()
    {
        await using var harness = Harness(new MethodConfirmWaitingException("Waiting for confirmation", HttpStatusCode.Unauthorized));
        var bot = Bot();
        var message = TestEvents.Message("file it", eventId: 31);
        await harness.ProcessAsync(bot, message);

        Assert.Equal(TurnOutcome.Duplicate, await harness.ProcessAsync(bot, message));
    }

    [Fact]
    public async Task Turn_CallDenied_FailsWithTheDenial()
    {
        await using var harness = Harness(new MethodConfirmDeniedException("Method call denied", HttpStatusCode.Forbidden));
        var bot = Bot();

        Assert.Equal(TurnOutcome.Failed, await harness.ProcessAsync(bot, TestEvents.Message("file it")));

        Assert.Empty(await harness.Services.GetRequiredService<IMethodConfirmWaits>().ListAsync(bot.Portal.Key, "tasks.task.add", CancellationToken.None));
    }

    [Fact]
    public async Task Turn_CallFailsOtherwise_RecordsNoWait()
    {
        await using var harness = Harness(new BitrixApiException("ACCESS_DENIED", "REST is available only on commercial plans", HttpStatusCode.Forbidden));
        var bot = Bot();

        Assert.Equal(TurnOutcome.Failed, await harness.ProcessAsync(bot, TestEvents.Message("file it")));

        Assert.Empty(await harness.Services.GetRequiredService<IMethodConfirmWaits>().ListAsync(bot.Portal.Key, "tasks.task.add", CancellationToken.None));
    }

    private static HostedBot Bot()
    {
        var bot = PipelineHarness.Bot(b => b.OnMessage(async (_, turn, ct) => await turn.Api.CallAsync(AddTask, ct)));
        bot.MarkReady();
        return bot;
    }

    private static PipelineHarness Harness(BitrixApiException answer)
    {
        var portal = new Mock<IBitrixClient>();
        portal.Setup(p => p.CallAsync(It.IsAny<TasksTaskAddRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(answer);
        return new PipelineHarness(services =>
        {
            services.AddSingleton<IBotClientSource>(new FixedClientSource(portal.Object));
            services.AddSingleton<IMethodConfirmWaits>(new InMemoryMethodConfirmWaits(TimeProvider.System));
        });
    }

    private sealed class FixedClientSource(IBitrixClient client) : IBotClientSource
    {
        public IBitrixClient For(HostedBot bot) => client;
    }
}
