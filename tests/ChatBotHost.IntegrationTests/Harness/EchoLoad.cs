using System.Globalization;
using ChatBotHost.Emulator;

namespace ChatBotHost.IntegrationTests.Harness;

/// <summary>
/// Load for the echo bot: many users each send a numbered sequence of messages. Checks the promise that matters:
/// every message the host took (every fetch event; every webhook delivery answered 2xx) gets exactly one reply, and
/// each user's replies come in the order the messages were sent.
/// </summary>
internal sealed class EchoLoad(BitrixEmulator emulator, int users, int messagesPerUser)
{
    private readonly List<int> _users = [];
    private readonly int _userCount = users * Scale;

    /// <summary>
    /// CBH_LOAD_SCALE (default 1) multiplies the users of every load test: tests/load.sh runs the same scenarios as
    /// long load runs, outside the default test run.
    /// </summary>
    public static int Scale { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("CBH_LOAD_SCALE"), out var scale) && scale > 0 ? scale : 1;

    public int Sent { get; private set; }

    public async Task PrepareAsync()
    {
        var bot = emulator.Portal.FindBot("echo")!;
        for (var i = 0; i < _userCount; i++)
        {
            var user = emulator.Portal.AddUser("Load", $"User{i.ToString(CultureInfo.InvariantCulture)}");
            await emulator.Portal.OpenPrivateChatAsync(user.Id, bot.Id);
            _users.Add(user.Id);
        }
    }

    /// <summary>Sends message number <paramref name="round"/> of every user (messages of one round go out together).</summary>
    public async Task SendRoundAsync(int round)
    {
        var dialog = emulator.Portal.FindBot("echo")!.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var user in _users)
        {
            await emulator.Portal.SendUserMessageAsync(user, dialog, Text(user, round));
            Sent++;
        }
    }

    public async Task SendAllAsync(Func<int, Task>? betweenRounds = null)
    {
        for (var round = 1; round <= messagesPerUser; round++)
        {
            await SendRoundAsync(round);
            if (betweenRounds is not null)
            {
                await betweenRounds(round);
            }
        }
    }

    /// <summary>Waits until every expected reply is there (or the time is up), then asserts exactness and order.</summary>
    public async Task AssertEveryTakenMessageAnsweredOnceInOrderAsync(TimeSpan within, Func<string, bool>? taken = null)
    {
        within *= Scale;
        var expected = _users.ToDictionary(u => u, u => Enumerable.Range(1, messagesPerUser).Select(r => Text(u, r)).Where(t => taken?.Invoke(t) ?? true).ToArray());
        using var timeout = new CancellationTokenSource(within);
        while (!timeout.IsCancellationRequested && _users.Any(u => Replies(u).Length < expected[u].Length))
        {
            await Task.Delay(100, CancellationToken.None);
        }

        // A moment more, so a late duplicate has the chance to show up and fail the test.
        await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
        foreach (var user in _users)
        {
            Assert.Equal(expected[user], Replies(user));
        }
    }

    private string[] Replies(int user)
    {
        var dialog = emulator.Portal.FindBot("echo")!.Id.ToString(CultureInfo.InvariantCulture);
        return emulator.Portal.GetMessages(user, dialog)
            .Where(m => m.PostedByBotId is not null && m.Text.StartsWith("You said: u", StringComparison.Ordinal))
            .Select(m => m.Text["You said: ".Length..])
            .ToArray();
    }

    private static string Text(int user, int round) =>
        $"u{user.ToString(CultureInfo.InvariantCulture)}-m{round.ToString(CultureInfo.InvariantCulture)}";
}
