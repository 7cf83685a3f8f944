namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>A dialog as the engine runs it: its steps, its state type, its inactivity timers and its end handler.</summary>
internal sealed record DialogPlan(
    string Id,
    Type StateType,
    IReadOnlyList<DialogStepDefinition> Steps,
    IReadOnlyList<InactivityTimer> Timers,
    Func<DialogFrameContext, DialogEndReason, object? /* result */, CancellationToken, Task> OnEnd);
