using ChatBotHost.Bench;
using ChatBotHost.Tests.Support;

// One command, one run: every figure is measured side by side on this machine, and the ratios are what to compare.
var quick = args.Contains("--quick");
var duration = TimeSpan.FromSeconds(quick ? 5 : 15);
Console.WriteLine($"ChatBotHost benchmark — {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

await using var redis = await RedisServer.StartAsync();

Console.WriteLine();
Console.WriteLine("(b) Webhook intake (64 concurrent senders, closed loop)");
var intake = await IntakeBenchmark.RunAsync(redis, senders: 64, duration);

Console.WriteLine();
Console.WriteLine(intake >= 0.5 ? "Intake target met." : "Intake target MISSED.");
