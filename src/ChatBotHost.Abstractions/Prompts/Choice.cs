using ChatBotHost.Abstractions.Localization;

namespace ChatBotHost.Abstractions.Prompts;

/// <summary>One option of a <see cref="ChoicePrompt{T}"/>: the value it stands for and the label of its button.</summary>
public sealed record Choice<T>(T Value, LocalizedText Label);
