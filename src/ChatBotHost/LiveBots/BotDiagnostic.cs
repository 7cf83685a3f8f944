namespace ChatBotHost.LiveBots;

/// <summary>A compile error of a bot's source (or a load failure of a unit, with no position).</summary>
internal sealed record BotDiagnostic(string File, int Line, int Column, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}({Line},{Column}): {Message}" : $"{File}: {Message}";
}
