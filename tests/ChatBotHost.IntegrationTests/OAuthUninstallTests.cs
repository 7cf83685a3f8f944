using System.Diagnostics;
using ChatBotHost.Bitrix.Requests.Revision;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.Hosting;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;
using Xunit.Abstractions;

namespace ChatBotHost.IntegrationTests;

/// <summary>Issue 12: once an uninstall is answered, no replica sends that portal another request.</summary>
[Collection(RedisCollection.Name)]
public sealed class OAuthUninstallTests(RedisFixture redis, ITestOutputHelper output)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private const int AttemptsAfterAnswer = 20;

    [Fact]
    public async Task Uninstall_ThreeReplicasCallingThePortal_AfterThe200NoReplicaSendsItAnotherRequest()
    {
        await redis.Server.FlushAsync();
        var server = new OAuthServer();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions { OAuthServer = server }, CancellationToken.None);
        // A portal sync a minute apart: the replicas must stop because of the uninstall itself, not because they re-read the store.
        HostSettings Settings() => OAuthHosts.Settings(emulator, server, redis.Server.ConfigurationString, "fetch")
            .Set("ChatBotHost:OAuth:PortalSyncInterval", "00:01:00");
        await using var first = await InProcessHost.StartAsync(Settings(), typeof(EchoBot));
        Assert.Equal(200, await emulator.Portal.OAuth.InstallAppAsync(new Uri(first.BaseUrl, "bitrix/install")));
        await OAuthHosts.WaitForBotAsync(first, emulator, "echo");
        await using var second = await InProcessHost.StartAsync(Settings(), typeof(EchoBot)); // each reads the portal at start
        await using var third = await InProcessHost.StartAsync(Settings(), typeof(EchoBot));
        var bots = await Task.WhenAll(new[] { first, second, third }.Select(h => OAuthHosts.WaitForBotAsync(h, emulator, "echo")));

        // Besides the poller (every 50 ms), each replica calls the portal in a loop until the test ends.
        using var stop = new CancellationTokenSource();
        var callers = bots.Select(bot => new Caller(bot)).ToList();
        var running = callers.Select(c => c.RunAsync(stop.Token)).ToList();
        await Task.WhenAll(callers.Select(c => c.FirstSuccess)).WaitAsync(Waits.Reply);

        Assert.Equal(200, await emulator.Portal.OAuth.UninstallAppAsync(clean: false));
        var answered = emulator.Portal.Calls.Count;
        var clock = Stopwatch.StartNew();
        foreach (var caller in callers)
        {
            caller.MarkAnswered();
        }

        // The window closes when it lasted at least a second and every replica tried the portal again many times.
        await Task.WhenAll(callers.Select(c => c.TriedAfterAnswer(AttemptsAfterAnswer))).WaitAsync(Waits.Reply);
        while (clock.Elapsed < Window)
        {
            await Task.Delay(Window - clock.Elapsed + TimeSpan.FromMilliseconds(1));
        }

        await stop.CancelAsync();
        await Task.WhenAll(running);
        var after = emulator.Portal.Calls.Skip(answered).ToList();
        output.WriteLine($"calls before the 200: {answered}; window {clock.Elapsed.TotalMilliseconds:F0} ms; attempts after the 200 per replica: "
            + string.Join(", ", callers.Select(c => c.AttemptsAfterAnswer)) + $"; reached the portal after the 200: {after.Count}");
        Assert.True(after.Count == 0, "Requests reached the portal after the uninstall was answered: "
            + string.Join(", ", after.GroupBy(c => $"{c.Method} {c.StatusCode} {c.Error}").Select(g => $"{g.Count()} x {g.Key}")));
        Assert.All(callers, c => Assert.True(c.SucceededAfterAnswer == 0, "A call succeeded after the uninstall was answered."));
    }

    /// <summary>One replica's client calling Revision.get in a loop (paced), counting what happened after the uninstall's answer.</summary>
    private sealed class Caller(HostedBot bot)
    {
        private readonly TaskCompletionSource _firstSuccess = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Lock _gate = new();
        private readonly List<(int Count, TaskCompletionSource Reached)> _targets = [];
        private volatile bool _answered;
        private int _attemptsAfter;
        private int _succeededAfter;

        public Task FirstSuccess => _firstSuccess.Task;

        public int AttemptsAfterAnswer => Volatile.Read(ref _attemptsAfter);

        public int SucceededAfterAnswer => Volatile.Read(ref _succeededAfter);

        public void MarkAnswered() => _answered = true;

        public Task TriedAfterAnswer(int count)
        {
            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _targets.Add((count, reached));
            }

            return reached.Task;
        }

        public async Task RunAsync(CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var after = _answered;
                var succeeded = false;
                try
                {
                    await bot.Client.CallAsync(new RevisionGetRequest(), stop);
                    succeeded = true;
                    _firstSuccess.TrySetResult();
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    // Refused before sending, or by the portal: either way counted below.
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (after)
                {
                    Count(succeeded);
                }

                try
                {
                    await Task.Delay(5, stop); // pacing, so three loops and the pollers share the machine
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        private void Count(bool succeeded)
        {
            var attempts = Interlocked.Increment(ref _attemptsAfter);
            if (succeeded)
            {
                Interlocked.Increment(ref _succeededAfter);
            }

            lock (_gate)
            {
                foreach (var (count, reached) in _targets.Where(t => attempts >= t.Count))
                {
                    reached.TrySetResult();
                }
            }
        }
    }
}
