namespace ChatBotHost.LiveBots;

/// <summary>What the compiler process reports for a unit: its image written to the job's output, or the errors.</summary>
internal sealed record CompileOutcome(string Name, bool Success, IReadOnlyList<BotDiagnostic> Errors);
