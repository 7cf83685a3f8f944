namespace ChatBotHost.LiveBots;

/// <summary>One unit for the compiler process: its sources, the assembly name to give it and where to write the image.</summary>
internal sealed record CompileJob(string Name, string AssemblyName, IReadOnlyList<string> Files, string Output);
