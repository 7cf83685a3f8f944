namespace ChatBotHost.Testing;

/// <summary>One keyboard button of a sent message.</summary>
/// <param name="Text">The label.</param>
/// <param name="Command">The COMMAND it sends when pressed, or null for links and client-side actions.</param>
/// <param name="CommandParams">The COMMAND_PARAMS sent with it.</param>
public sealed record SentButton(string Text, string? Command, string? CommandParams);
