using System.Globalization;
using ChatBotHost.Bench;
using ChatBotHost.Bench.Memory;
using ChatBotHost.Emulator.Limits;
using ChatBotHost.Tests.Support;

// One command, one run: every figure is measured side by side on this machine, and the ratios are what to compare.
// --quick shortens every phase; --only delivery|intake|memory|bots runs one part; --runs N sets the memory runs per mode.
var quick = args.Contains("--quick");
var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
var duration = TimeSpan.FromSeconds(quick ? 5 : 15);
Console.WriteLine($"ChatBotHost benchmark — {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

await using var redis = await RedisServer.StartAsync();
var verdicts = new List<string>();

if (only is null or "delivery")
{
    Console.WriteLine();
    Console.WriteLine("(a) Delivery under the leaky bucket (Standard plan: drain 2/s, burst 50)");
    var (webhook, fetch) = await DeliveryBenchmark.RunAsync(redis, RateLimitOptions.Standard, warmUp: TimeSpan.FromSeconds(10), window: duration * 2);
    verdicts.Add(webhook >= 0.9 ? "Webhook-mode delivery target met (>= 90% of the ceiling, no refusals)." : "Webhook-mode delivery target MISSED.");
    verdicts.Add(fetch >= 0.95 ? "Fetch-mode delivery target met (>= 95% of the ceiling, no refusals)." : "Fetch-mode delivery target MISSED.");
}

if (only is null or "intake")
{
    Console.WriteLine();
    Console.WriteLine("(b) Webhook intake (64 concurrent senders, closed loop)");
    var intake = await IntakeBenchmark.RunAsync(redis, senders: 64, duration);
    verdicts.Add(intake >= IntakeBenchmark.Target
        ? $"Intake target met (>= {IntakeBenchmark.Target:P0} of the bare endpoint)."
        : $"Intake target MISSED (< {IntakeBenchmark.Target:P0} of the bare endpoint).");
}

if (only is null or "memory")
{
    Console.WriteLine();
    Console.WriteLine("(c) Resident memory of the host process, idle after start-up and after 1,000 events");
    var runsArgument = args.SkipWhile(a => a != "--runs").Skip(1).FirstOrDefault();
    var runs = runsArgument is null ? (quick ? 2 : 3) : int.Parse(runsArgument, CultureInfo.InvariantCulture);
    var worst = await MemoryBenchmark.RunAsync(runs, events: 1000, settle: TimeSpan.FromSeconds(quick ? 5 : 10));
    verdicts.Add(worst <= MemoryBenchmark.TargetMb
        ? $"Memory target met (every median <= {MemoryBenchmark.TargetMb} MB; largest {worst:F1} MB)."
        : $"Memory target MISSED (largest median {worst:F1} MB > {MemoryBenchmark.TargetMb} MB).");
}

if (only is null or "bots")
{
    Console.WriteLine();
    Console.WriteLine("(d) The bots folder: start-up compile of the samples (in a child process) and idle memory afterwards");
    await BotsFolderBenchmark.RunAsync(runs: quick ? 1 : 2, settle: TimeSpan.FromSeconds(quick ? 5 : 10));
}

Console.WriteLine();
verdicts.ForEach(Console.WriteLine);
