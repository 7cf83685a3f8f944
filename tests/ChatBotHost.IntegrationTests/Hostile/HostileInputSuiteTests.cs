using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;
using ChatBotHost.IntegrationTests.Harness;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>
/// Issue 12, deliverable 11: thousands of generated hostile bodies (random bytes, truncated genuine bodies, deep
/// keys, many keys, invalid UTF-8, huge values, repeated keys, JSON nesting bombs, wrong content types, junk GETs,
/// slow senders) against every public endpoint of running hosts with a real Redis, interleaved with valid traffic,
/// with a stretch where Redis is down. bench/hostile.sh runs it alone and prints its table.
/// </summary>
[Trait("Category", "Hostile")]
[Collection(HostileCollection.Name)]
public sealed class HostileInputSuiteTests(ITestOutputHelper output)
{
    private const int DefaultSeed = 20261204;
    private const int DefaultCases = 3000;
    private const int ValidEvery = 10;
    private const int OutageCases = 60;
    private const int DirectPostsPerOutageHalf = 3;
    private static readonly TimeSpan ReadyPatience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HostileBodies_OnEveryPublicEndpoint_AreRefusedCheaply_AndEveryValidMessageIsHandledOnce()
    {
        var seed = Setting("HOSTILE_SEED", DefaultSeed);
        var planned = Setting("HOSTILE_CASES", DefaultCases);
        var clock = Stopwatch.StartNew();
        var verdict = new HostileVerdict();
        await using var rig = await HostileRig.StartAsync();
        var valid = new ValidTraffic(rig);
        await valid.PrepareAsync();
        await valid.DrainAsync(Waits.Reply);
        var slow = StartSlowSenders(rig);

        var cases = new HostileCases(rig.Genuine, rig.Targets, seed);
        using var client = new HostileClient();
        var outcomes = new List<HostileOutcome>(planned);
        // Decommitting collections on both sides: the bound is on memory the hostile requests leave retained, not on
        // free heap regions the server GC keeps committed until its next collection (see the host's idle trim).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var workingSetBefore = WorkingSet();
        var workingSetPeak = workingSetBefore;
        var outageStart = planned * 3 / 5;
        var outageEnd = outageStart + Math.Min(OutageCases, Math.Max(1, planned / 10));
        var outage = new Stopwatch();
        var timeouts = 0;
        for (var id = 0; id < planned; id++)
        {
            if (id == outageStart)
            {
                // Everything accepted so far is handled first, so no turn is cut in half by the outage.
                await valid.DrainAsync(Waits.Reply);
                await RedisOutage.StopAsync(rig.Redis);
                outage.Start();
                await PostDirectAsync(valid);
            }
            else if (id == outageEnd)
            {
                await EndOutageAsync(rig, valid, outage, verdict);
            }

            var outcome = await client.SendAsync(cases.Create(id), duringOutage: outage.IsRunning);
            outcomes.Add(outcome);
            if (outcome.Status == Answers.Timeout && ++timeouts >= HostileBounds.MaxTimeouts)
            {
                verdict.Add($"stopped after case {id}: {timeouts} requests went unanswered, the host is not keeping up");
                break;
            }

            if (!outage.IsRunning && id % ValidEvery == 0)
            {
                await valid.SendNextAsync();
            }

            if (id % 100 == 0)
            {
                workingSetPeak = Math.Max(workingSetPeak, WorkingSet());
            }
        }

        if (outage.IsRunning)
        {
            await EndOutageAsync(rig, valid, outage, verdict);
        }

        await valid.DrainAsync(Waits.Reply);
        var slowOutcomes = await Task.WhenAll(slow);
        await CheckAliveAsync(rig, verdict);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var workingSetAfter = WorkingSet();
        var run = new HostileRun(
            seed, planned, outcomes, valid.Sent, slowOutcomes, outage.Elapsed, workingSetBefore, workingSetAfter,
            Math.Max(workingSetPeak, workingSetAfter), GC.GetTotalMemory(forceFullCollection: false), clock.Elapsed);
        Print(ResultTable.Format(run));

        verdict.CheckOutcomes(outcomes);
        verdict.CheckLeaks(outcomes, rig.Secrets);
        verdict.CheckHandled("main host", rig.MainHandled, outcomes, valid.Sent);
        verdict.CheckHandled("local host", rig.LocalHandled, outcomes, valid.Sent);
        foreach (var s in slowOutcomes.Where(s => !s.WithinBound))
        {
            verdict.Add($"{s}: not cut within {s.Bound.TotalSeconds} s");
        }

        if (workingSetAfter - workingSetBefore > HostileBounds.WorkingSetGrowth)
        {
            verdict.Add(string.Create(CultureInfo.InvariantCulture, $"the working set grew by {(workingSetAfter - workingSetBefore) / 1048576} MB (bound {HostileBounds.WorkingSetGrowth / 1048576} MB)"));
        }

        if (verdict.Violations.Count > 0)
        {
            var report = $"{verdict.Violations.Count} violations (seed {seed}); the first 40:\n" + string.Join("\n", verdict.Violations.Take(40));
            Print(report);
            Assert.Fail(report);
        }
    }

    private static async Task PostDirectAsync(ValidTraffic valid)
    {
        for (var i = 0; i < DirectPostsPerOutageHalf; i++)
        {
            await valid.PostDirectAsync();
        }
    }

    /// <summary>Posts the rest of the outage's direct deliveries, starts Redis again and waits until the host says it is ready.</summary>
    private static async Task EndOutageAsync(HostileRig rig, ValidTraffic valid, Stopwatch outage, HostileVerdict verdict)
    {
        await PostDirectAsync(valid);
        await RedisOutage.StartAsync(rig.Redis);
        using var patience = new CancellationTokenSource(ReadyPatience);
        while (!patience.IsCancellationRequested)
        {
            using var ready = await rig.Http.GetAsync(new Uri(rig.Main.BaseUrl, "health/ready"), CancellationToken.None);
            if (ready.IsSuccessStatusCode)
            {
                break;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        if (patience.IsCancellationRequested)
        {
            verdict.Add($"Redis was back, but /health/ready did not answer 200 within {ReadyPatience.TotalSeconds} s");
        }

        outage.Stop();
    }

    private static List<Task<SlowOutcome>> StartSlowSenders(HostileRig rig)
    {
        var install = new Uri(rig.Main.BaseUrl, "bitrix/install");
        return
        [
            SlowSender.TrickleAsync("install", install, slowHeaders: true, HostileBounds.SlowHeaders),
            SlowSender.TrickleAsync("webhook", rig.WebhookBotUrl, slowHeaders: true, HostileBounds.SlowHeaders),
            SlowSender.TrickleAsync("webhook", rig.WebhookBotUrl, slowHeaders: false, HostileBounds.SlowBody),
            SlowSender.TrickleAsync("install", install, slowHeaders: false, HostileBounds.SlowBody),
            SlowSender.TrickleAsync("uninstall", new Uri(rig.Main.BaseUrl, "bitrix/uninstall"), slowHeaders: false, HostileBounds.SlowBody),
            SlowSender.TrickleAsync("chat-send", rig.LocalApi($"dialogs/{rig.LocalProbeDialog.ToString(CultureInfo.InvariantCulture)}/messages"), slowHeaders: false, HostileBounds.SlowBody, JsonBodies.JsonType),
        ];
    }

    /// <summary>No crash: both hosts still answer /health/live, and the application portal is still installed.</summary>
    private static async Task CheckAliveAsync(HostileRig rig, HostileVerdict verdict)
    {
        foreach (var host in new[] { rig.Main, rig.Local })
        {
            using var live = await rig.Http.GetAsync(new Uri(host.BaseUrl, "health/live"));
            if (!live.IsSuccessStatusCode)
            {
                verdict.Add($"{host.BaseUrl}health/live answered {(int)live.StatusCode} at the end");
            }
        }

        if (OAuthHosts.Bot(rig.Main, rig.AppPortal, ProbeBot.Code) is null)
        {
            verdict.Add("the application portal is no longer served: a hostile body uninstalled it");
        }
    }

    private void Print(string text)
    {
        output.WriteLine(text);
        Console.WriteLine(text);
    }

    private static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
