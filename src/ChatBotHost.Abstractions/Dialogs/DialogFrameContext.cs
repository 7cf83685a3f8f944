using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Abstractions.Turns;

namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>The untyped view of one running dialog that the engine hands to a step; <see cref="DialogStep{TState}"/> types it.</summary>
internal sealed class DialogFrameContext(ITurnContext turn, object state)
{
    public ITurnContext Turn { get; } = turn;

    public object State { get; } = state;

    /// <summary>The user's answer when a waiting step resumes; null otherwise.</summary>
    public PromptInput? Input { get; init; }

    /// <summary>The arguments the dialog was started with.</summary>
    public JsonNode? Args { get; init; }

    /// <summary>The result of the child dialog that just ended, if the step follows one.</summary>
    public JsonNode? ChildResult { get; init; }

    /// <summary>Why the child dialog that just ended ended, if the step follows one.</summary>
    public DialogEndReason? ChildEnd { get; init; }

    /// <summary>True when an inactivity timer, not the user, runs the step.</summary>
    public bool ByTimer { get; init; }
}
