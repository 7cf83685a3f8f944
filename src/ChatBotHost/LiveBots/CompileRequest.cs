namespace ChatBotHost.LiveBots;

/// <summary>What the host sends the compiler process on its standard input: the units of one batch.</summary>
/// <param name="Folder">The bots folder, which diagnostics' file names are relative to.</param>
/// <param name="Units">The units to compile.</param>
internal sealed record CompileRequest(string Folder, IReadOnlyList<CompileJob> Units);
