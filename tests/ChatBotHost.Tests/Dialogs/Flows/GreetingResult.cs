namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>What <see cref="GreetingDialog"/> hands its parent.</summary>
public sealed record GreetingResult(string Name, string Message);
