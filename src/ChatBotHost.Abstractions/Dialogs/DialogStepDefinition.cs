using ChatBotHost.Abstractions.Prompts;

namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>One step of a dialog's waterfall, as the engine runs it.</summary>
internal abstract record DialogStepDefinition;

/// <summary>A step of the author's code.</summary>
internal sealed record CodeStep(Func<DialogFrameContext, CancellationToken, Task<DialogTurn>> Run) : DialogStepDefinition;

/// <summary>
/// A question: the prompt is built from the dialog's state each time it is needed (so it must not have side effects),
/// and a valid answer is stored into the state before the next step runs.
/// </summary>
internal sealed record AskStep(Func<object, IPrompt> Prompt, Action<object, object?> Store) : DialogStepDefinition;

/// <summary>A handler that runs when the dialog waited this long without hearing from the user.</summary>
internal sealed record InactivityTimer(TimeSpan After, Func<DialogFrameContext, CancellationToken, Task<DialogTurn>> Run);
