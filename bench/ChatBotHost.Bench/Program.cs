using ChatBotHost.Bench;
using ChatBotHost.Emulator.Limits;
using ChatBotHost.Tests.Support;

// One command, one run: every figure is measured side by side on this machine, and the ratios are what to compare.
// --quick shortens every phase; --only delivery|intake runs one part.
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
    var delivery = await DeliveryBenchmark.RunAsync(redis, RateLimitOptions.Standard, warmUp: TimeSpan.FromSeconds(10), window: duration * 2);
    verdicts.Add(delivery >= 0.9 ? "Delivery target met (>= 90% of the ceiling, no refusals)." : "Delivery target MISSED.");
}

if (only is null or "intake")
{
    Console.WriteLine();
    Console.WriteLine("(b) Webhook intake (64 concurrent senders, closed loop)");
    var intake = await IntakeBenchmark.RunAsync(redis, senders: 64, duration);
    verdicts.Add(intake >= 0.5 ? "Intake target met (>= 50% of the bare endpoint)." : "Intake target MISSED.");
}

Console.WriteLine();
verdicts.ForEach(Console.WriteLine);
