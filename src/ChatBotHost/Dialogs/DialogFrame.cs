using System.Text.Json.Nodes;

namespace ChatBotHost.Dialogs;

/// <summary>One running dialog on a conversation's stack, as stored between turns.</summary>
internal sealed class DialogFrame
{
    /// <summary>The dialog's id (its class name).</summary>
    public required string Dialog { get; init; }

    /// <summary>
    /// The version of the bot's code (a hash of its sources in the bots folder) that last wrote this frame; null for
    /// bots compiled into the process. Another version reads the state only if it still deserializes.
    /// </summary>
    public string? BotVersion { get; set; }

    /// <summary>The step that runs next, or the question that waits.</summary>
    public int Step { get; set; }

    /// <summary>The dialog's typed state as JSON.</summary>
    public JsonNode? State { get; set; }

    /// <summary>The arguments it was started with.</summary>
    public JsonNode? Args { get; init; }

    /// <summary>True while it waits for the user (on a question, or after a step returned Wait).</summary>
    public bool Waiting { get; set; }

    /// <summary>Refused answers to the waiting question so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Identifies the latest showing of the waiting question; its buttons carry it.</summary>
    public string? PromptToken { get; set; }
}
