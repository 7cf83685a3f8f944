using ChatBotHost.Bench;
using ChatBotHost.Tests.Support;

// One command, one run: every figure is measured side by side on this machine, and the ratios are what to compare.
var quick = args.Contains("--quick");
var duration = TimeSpan.FromSeconds(quick ? 5 : 15);
Console.WriteLine($"ChatBotHost benchmark — {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

await using var redis = await RedisServer.StartAsync();

Console.WriteLine();
Console.WriteLine("(a) Delivery under the leaky bucket (Standard plan: drain 2/s, burst 50)");
var delivery = await DeliveryBenchmark.RunAsync(
    redis, ChatBotHost.Emulator.Limits.RateLimitOptions.Standard, warmUp: TimeSpan.FromSeconds(quick ? 8 : 10), window: duration * 2);

Console.WriteLine();
Console.WriteLine("(b) Webhook intake (64 concurrent senders, closed loop)");
var intake = await IntakeBenchmark.RunAsync(redis, senders: 64, duration);

Console.WriteLine();
Console.WriteLine(delivery >= 0.9 ? "Delivery target met." : "Delivery target MISSED.");
Console.WriteLine(intake >= 0.5 ? "Intake target met." : "Intake target MISSED.");
