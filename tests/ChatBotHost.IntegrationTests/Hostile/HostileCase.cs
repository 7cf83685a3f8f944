namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>One generated request: its kind, where it goes and what it carries.</summary>
internal sealed record HostileCase(int Id, string Kind, HostileTarget Target, Uri Url, HostileBody? Body);
