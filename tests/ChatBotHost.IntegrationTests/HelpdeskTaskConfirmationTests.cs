using ChatBotHost.Bots.Helpdesk;
using ChatBotHost.Confirmation;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// Issue 14, end to end: the portal makes tasks.task.add wait for the administrator. The helpdesk says the ticket waits;
/// the administrator decides on the emulator, which sends ONAPPMETHODCONFIRM to the handler the host bound at install;
/// the decision reaches the waiting dialog through the inbox, and the task is created (or the refusal told).
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class HelpdeskTaskConfirmationTests(RedisFixture redis)
{
    private const string AddTask = "tasks.task.add";

    [Fact]
    public async Task Ticket_TaskWaitsForTheAdministrator_CreatedOnceAllowed()
    {
        await using var run = await StartAsync();
        var chat = await run.FileTicketUntilItWaitsAsync();

        Assert.Equal(200, await run.Emulator.Portal.DecideConfirmationAsync(Assert.Single(run.Emulator.Portal.Confirmations).Id, allow: true));

        var created = await chat.ExpectAsync(t => t.StartsWith("Ticket #", StringComparison.Ordinal) && t.Contains(" created:", StringComparison.Ordinal));
        var task = Assert.Single(run.Emulator.Portal.GetTasks());
        Assert.Equal("Printer jammed", task.Title);
        Assert.Contains("High", task.Description, StringComparison.Ordinal);
        Assert.StartsWith($"Ticket #{task.Id} ", created.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ticket_AdministratorDenies_UserIsToldAndNoTaskExists()
    {
        await using var run = await StartAsync();
        var chat = await run.FileTicketUntilItWaitsAsync();

        Assert.Equal(200, await run.Emulator.Portal.DecideConfirmationAsync(Assert.Single(run.Emulator.Portal.Confirmations).Id, allow: false));

        await chat.ExpectAsync(t => t.StartsWith("The portal administrator did not allow me", StringComparison.Ordinal));
        Assert.Empty(run.Emulator.Portal.GetTasks());
    }

    private async Task<Run> StartAsync()
    {
        await redis.Server.FlushAsync();
        var server = new OAuthServer();
        var emulator = await BitrixEmulator.StartAsync(
            new EmulatorOptions { OAuthServer = server, MethodsRequiringConfirmation = [AddTask] }, CancellationToken.None);
        var host = await InProcessHost.StartAsync(
            OAuthHosts.Settings(emulator, server, redis.Server.ConfigurationString, "fetch"), typeof(HelpdeskBot));
        Assert.Equal(200, await emulator.Portal.OAuth.InstallAppAsync(new Uri(host.BaseUrl, "bitrix/install")));
        await OAuthHosts.WaitForBotAsync(host, emulator, "helpdesk");
        Assert.Equal(new Uri(host.BaseUrl, MethodConfirmEndpoints.Path.TrimStart('/')), emulator.Portal.OAuth.MethodConfirmHandler);
        return new Run(emulator, host);
    }

    private sealed record Run(BitrixEmulator Emulator, InProcessHost Host) : IAsyncDisposable
    {
        public async Task<Chat> FileTicketUntilItWaitsAsync()
        {
            var chat = new Chat(Emulator, "helpdesk");
            await chat.SayAsync("/ticket");
            await chat.ExpectAsync("What is the ticket about?");
            await chat.SayAsync("Printer jammed");
            await chat.ExpectAsync("How urgent is it?");
            await chat.PressAsync("High");
            await chat.ExpectAsync("Create this ticket?");
            await chat.PressAsync("Yes");
            await chat.ExpectAsync(t => t.Contains("waits for the portal administrator", StringComparison.Ordinal));
            Assert.Empty(Emulator.Portal.GetTasks());
            return chat;
        }

        public async ValueTask DisposeAsync()
        {
            await Host.DisposeAsync();
            await Emulator.DisposeAsync();
        }
    }
}
