using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Prompts;

namespace ChatBotHost.Dialogs;

/// <summary>What the next code step is handed: the user's answer after a Wait, or the outcome of a child dialog.</summary>
internal readonly record struct StepInput(PromptInput? Input = null, JsonNode? ChildResult = null, DialogEndReason? ChildEnd = null, bool ByTimer = false);
