using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Tasks;
using ChatBotHost.Confirmation;
using ChatBotHost.Delivery;
using ChatBotHost.Hosting;
using ChatBotHost.State;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace ChatBotHost.Tests.Confirmation;

public sealed class MethodConfirmWaitRecorderTests
{
    private static readonly TasksTaskAddRequest AddTask = new() { Fields = new TaskFields { Title = "Printer" } };
    private static readonly MethodConfirmWait Wait = new("helpdesk", "chat1", "en");

    [Fact]
    public async Task Call_Succeeds_RecordsNothing()
    {
        var waits = new Mock<IMethodConfirmWaits>(MockBehavior.Strict);
        var inner = Portal(answer: null);

        var result = await Recorder(inner, waits.Object).SendAsync(null!, AddTask, null, CancellationToken.None);

        Assert.Equal(9, result.Task.Id);
    }

    [Fact]
    public async Task Call_WaitsForAdministrator_RecordsTheWaitUnderTheMethodAndRethrows()
    {
        var waits = new InMemoryMethodConfirmWaits(TimeProvider.System);
        var inner = Portal(new MethodConfirmWaitingException("Waiting for confirmation", HttpStatusCode.Unauthorized));

        await Assert.ThrowsAsync<MethodConfirmWaitingException>(() => Recorder(inner, waits).SendAsync(null!, AddTask, null, CancellationToken.None));

        Assert.Equal([Wait], await waits.ListAsync("portal", "tasks.task.add", CancellationToken.None));
    }

    [Fact]
    public async Task Call_WaitsButTheStoreIsDown_CallerStillGetsTheWait()
    {
        var waits = new Mock<IMethodConfirmWaits>();
        waits.Setup(w => w.RecordAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<MethodConfirmWait>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new StateStoreUnavailableException("Redis is down"));
        var inner = Portal(new MethodConfirmWaitingException("Waiting for confirmation", HttpStatusCode.Unauthorized));

        await Assert.ThrowsAsync<MethodConfirmWaitingException>(() => Recorder(inner, waits.Object).SendAsync(null!, AddTask, null, CancellationToken.None));
    }

    [Fact]
    public async Task Call_Denied_RecordsNothing()
    {
        var waits = new Mock<IMethodConfirmWaits>(MockBehavior.Strict);
        var inner = Portal(new MethodConfirmDeniedException("Method call denied", HttpStatusCode.Forbidden));

        await Assert.ThrowsAsync<MethodConfirmDeniedException>(() => Recorder(inner, waits.Object).SendAsync(null!, AddTask, null, CancellationToken.None));
    }

    private static MethodConfirmWaitRecorder Recorder(ISendQueue inner, IMethodConfirmWaits waits) =>
        new(inner, waits, "portal", Wait, NullLogger.Instance);

    private static ISendQueue Portal(BitrixApiException? answer)
    {
        var portal = new Mock<ISendQueue>();
        var setup = portal.Setup(p => p.SendAsync(It.IsAny<HostedBot>(), It.IsAny<TasksTaskAddRequest>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()));
        if (answer is null)
        {
            setup.ReturnsAsync(new TasksTaskAddResult { Task = new TaskSummary { Id = 9 } });
        }
        else
        {
            setup.ThrowsAsync(answer);
        }

        return portal.Object;
    }
}
