namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>What <see cref="GreetingDialog"/> is started with.</summary>
public sealed record GreetingArgs(string Name);
