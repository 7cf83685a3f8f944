using ChatBotHost.Abstractions.Localization;

namespace ChatBotHost.Abstractions.Prompts;

/// <summary>Asks a yes/no question with two buttons; typing yes or no (in the user's language) answers too.</summary>
public sealed class ConfirmPrompt(LocalizedText question)
    : ChoicePrompt<bool>(question, [new Choice<bool>(true, PromptTexts.Yes), new Choice<bool>(false, PromptTexts.No)]);
