using System.Globalization;

namespace ChatBotHost.Abstractions.Prompts;

/// <summary>What a prompt needs to know to write its question.</summary>
/// <param name="BotId">The bot asking, for the keyboard's BOT_ID.</param>
/// <param name="Culture">The culture of the turn.</param>
/// <param name="Token">Identifies this showing of the question; buttons carry it so a press of an old keyboard is recognized.</param>
/// <param name="Error">Why the previous answer was refused, or null on the first showing.</param>
public sealed record PromptRendering(int BotId, CultureInfo Culture, string Token, string? Error);
