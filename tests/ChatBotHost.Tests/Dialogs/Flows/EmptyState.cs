namespace ChatBotHost.Tests.Dialogs.Flows;

/// <summary>The state of a dialog that keeps nothing.</summary>
public sealed class EmptyState;
