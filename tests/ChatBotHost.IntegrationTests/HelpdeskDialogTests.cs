using ChatBotHost.Bots.Helpdesk;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;

namespace ChatBotHost.IntegrationTests;

/// <summary>The helpdesk dialog against the emulated portal and a real Redis, across a host restart in the middle.</summary>
[Collection(RedisCollection.Name)]
public sealed class HelpdeskDialogTests(RedisFixture redis)
{
    [Theory]
    [InlineData("fetch")]
    [InlineData("webhook")]
    public async Task Ticket_HostRestartsMidDialog_ContinuesWhereItWasAndFilesOnce(string eventMode)
    {
        await redis.Server.FlushAsync();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis.Server.ConfigurationString, eventMode);
        var chat = new Chat(emulator, "helpdesk");

        await using (await InProcessHost.StartAsync(settings, typeof(HelpdeskBot)))
        {
            await chat.SayAsync("/ticket");
            await chat.ExpectAsync("What is the ticket about?");
            await chat.SayAsync("Printer [b]jammed[/b]");
            await chat.ExpectAsync("How urgent is it?");
        }

        await using (await InProcessHost.StartAsync(settings, typeof(HelpdeskBot)))
        {
            await chat.PressAsync("High");
            await chat.ExpectAsync("Create this ticket?");
            await chat.PressAsync("Yes");
            // The ticket's number is the id of the task the portal created (tasks.task.add), whatever the emulator numbers it.
            var created = await chat.ExpectAsync(t => t.StartsWith("Ticket #", StringComparison.Ordinal) && t.Contains(" created:", StringComparison.Ordinal));
            Assert.Contains("Printer", created.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("[b]", created.Text, StringComparison.Ordinal);
            var number = created.Text["Ticket ".Length..created.Text.IndexOf(' ', "Ticket ".Length)];

            await chat.SayAsync("/tickets");
            var list = await chat.ExpectAsync("[b]Your tickets[/b]");
            Assert.Contains(number + " Printer", list.Text, StringComparison.Ordinal);
        }

        Assert.Equal(1, chat.Count("What is the ticket about?"));
        Assert.Equal(1, chat.Count("How urgent is it?"));
        Assert.Equal(1, chat.Count("Ticket #"));
    }
}
