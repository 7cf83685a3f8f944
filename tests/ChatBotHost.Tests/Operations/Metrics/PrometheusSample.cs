namespace ChatBotHost.Tests.Operations.Metrics;

/// <summary>One sample line of a scrape: its name, its labels and its value.</summary>
internal sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);
