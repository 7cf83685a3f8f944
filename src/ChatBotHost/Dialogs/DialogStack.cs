using System.Text.Json.Serialization;

namespace ChatBotHost.Dialogs;

/// <summary>
/// The dialogs a conversation is in, innermost last, saved in the dialog state under <see cref="StateName"/> and so
/// committed with the turn's compare-and-set.
/// </summary>
internal sealed class DialogStack
{
    public const string StateName = "$dialogs";

    public List<DialogFrame> Frames { get; init; } = [];

    /// <summary>The current token of each armed timer (by timer key); a fired timer whose token differs is stale.</summary>
    public Dictionary<string, string> Timers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>True while the host has turned the chat's text field off for a question that only buttons answer.</summary>
    public bool TextFieldOff { get; set; }

    [JsonIgnore]
    public DialogFrame? Top => Frames.Count == 0 ? null : Frames[^1];

    [JsonIgnore]
    public bool IsEmpty => Frames.Count == 0;

    public void Push(DialogFrame frame) => Frames.Add(frame);

    public DialogFrame Pop()
    {
        var top = Top ?? throw new InvalidOperationException("The dialog stack is empty.");
        Frames.RemoveAt(Frames.Count - 1);
        return top;
    }
}
