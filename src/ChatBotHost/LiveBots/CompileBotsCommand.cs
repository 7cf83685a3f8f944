using System.Text.Json;

namespace ChatBotHost.LiveBots;

/// <summary>
/// The compiler process's side (<c>ChatBotHost compile-bots</c>, a verb for the host's own use, handled before any web
/// host is built): reads a <see cref="CompileRequest"/> from standard input, compiles each unit with Roslyn, writes
/// each image to its job's output and prints one <see cref="CompileOutcome"/> per unit as JSON. Roslyn is loaded
/// here only, so the serving process never pays its resident memory.
/// </summary>
internal static class CompileBotsCommand
{
    public const string Verb = "compile-bots";

    public static async Task<int> RunAsync(TextReader input, TextWriter output)
    {
        var request = JsonSerializer.Deserialize(await input.ReadToEndAsync(), CompileJson.Default.CompileRequest)
            ?? throw new InvalidDataException("No compile request on standard input.");
        var outcomes = new List<CompileOutcome>(request.Units.Count);
        foreach (var job in request.Units)
        {
            outcomes.Add(Compile(job, request.Folder));
        }

        await output.WriteAsync(JsonSerializer.Serialize(outcomes, CompileJson.Default.IReadOnlyListCompileOutcome));
        await output.FlushAsync();
        return 0;
    }

    private static CompileOutcome Compile(CompileJob job, string folder)
    {
        try
        {
            var (image, errors) = RoslynBuild.Compile(job.Files, folder, job.AssemblyName);
            if (image is null)
            {
                return new CompileOutcome(job.Name, false, errors);
            }

            // Written aside and moved in: a replica starting meanwhile never reads half an image.
            var partial = $"{job.Output}.{Environment.ProcessId}.tmp";
            File.WriteAllBytes(partial, image);
            File.Move(partial, job.Output, overwrite: true);
            return new CompileOutcome(job.Name, true, []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A source that vanished mid-reload, an output that cannot be written: this unit fails, the others go on.
            return new CompileOutcome(job.Name, false, [new BotDiagnostic(job.Name, 0, 0, ex.Message)]);
        }
    }
}
