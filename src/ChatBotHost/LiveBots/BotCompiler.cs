using System.Reflection;

namespace ChatBotHost.LiveBots;

/// <summary>
/// Turns a unit's sources into an assembly image. A unit compiled before (same sources, same author-facing
/// assemblies) is read back from this user's cache; the others are compiled together, one batch per start-up or
/// reload, by a child process (<see cref="CompilerProcess"/>) that writes their images to the cache: the serving host
/// never loads Roslyn.
/// </summary>
internal sealed class BotCompiler(string? cacheFolder, CompilerProcess process) : IDisposable
{
    public static readonly string[] AuthorAssemblies = ["ChatBotHost.Abstractions", "ChatBotHost.Bitrix"];

    private readonly Lock _lock = new();
    private readonly Dictionary<(string Name, string Version), (byte[]? Image, IReadOnlyList<BotDiagnostic> Errors)> _batch = [];
    private int _compiled;

    // The build of the author-facing API the cached images were compiled against: another build compiles afresh.
    private static readonly string ApiBuild = string.Join("-", AuthorAssemblies.Select(name =>
        Assembly.Load(name).ManifestModule.ModuleVersionId.ToString("N")[..8]));

    public BotCompiler(string? cacheFolder)
        : this(cacheFolder, new CompilerProcess(CompilerProcess.HostCommand, CompilerProcess.DefaultTimeLimit))
    {
    }

    /// <summary>~/.local/share/ChatBotHost/bot-cache (per user: a shared temporary folder would let others plant code).</summary>
    public static string? DefaultCacheFolder()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, "ChatBotHost", "bot-cache");
    }

    /// <summary>How many units were compiled so far (the others came from the cache).</summary>
    public int Compiled => Volatile.Read(ref _compiled);

    /// <summary>
    /// Compiles, in one run of the compiler process, every unit of the list that is neither prebuilt nor cached;
    /// <see cref="Compile"/> then finds their images or errors. Nothing starts when everything is cached.
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<BotUnit> units, string folder, CancellationToken cancellationToken)
    {
        var missing = units.Where(u => !u.Prebuilt && !(CachedPath(u) is { } cached && File.Exists(cached))).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        Interlocked.Add(ref _compiled, missing.Count);
        var cache = UsableCache();
        var output = cache ?? Directory.CreateTempSubdirectory("chatbothost-compile-").FullName;
        try
        {
            var jobs = missing.Select(u => new CompileJob(u.Name, AssemblyName(u), u.Files, Path.Combine(output, FileName(u)))).ToList();
            var outcomes = await process.RunAsync(new CompileRequest(folder, jobs), cancellationToken);
            lock (_lock)
            {
                foreach (var (unit, job, outcome) in missing.Zip(jobs, outcomes))
                {
                    _batch[(unit.Name, unit.Version)] = outcome.Success ? Read(job) : (null, outcome.Errors);
                }
            }
        }
        finally
        {
            if (cache is null)
            {
                DeleteQuietly(output);
            }
        }
    }

    /// <summary>The assembly's image, or the errors that kept it from compiling (compiled alone if not prepared).</summary>
    public (byte[]? Image, IReadOnlyList<BotDiagnostic> Errors) Compile(BotUnit unit, string folder)
    {
        if (Prepared(unit) is { } prepared)
        {
            return prepared;
        }

        if (CachedPath(unit) is { } cached && File.Exists(cached))
        {
            return (File.ReadAllBytes(cached), []);
        }

        // The start-up and reload paths prepare their batch first; this runs only for a unit loaded on its own.
        PrepareAsync([unit], folder, CancellationToken.None).GetAwaiter().GetResult();
        return Prepared(unit) ?? (null, [new BotDiagnostic(unit.Name, 0, 0, "Not compiled.")]);
    }

    /// <summary>After a batch (start-up, one reload): forgets what was prepared and not loaded.</summary>
    public void EndBatch()
    {
        lock (_lock)
        {
            _batch.Clear();
        }
    }

    /// <summary>Host shutdown: a compiler process still running is killed.</summary>
    public void Dispose() => process.Dispose();

    private (byte[]? Image, IReadOnlyList<BotDiagnostic> Errors)? Prepared(BotUnit unit)
    {
        lock (_lock)
        {
            return _batch.Remove((unit.Name, unit.Version), out var prepared) ? prepared : null;
        }
    }

    private string? CachedPath(BotUnit unit) => cacheFolder is null ? null : Path.Combine(cacheFolder, FileName(unit));

    private static string FileName(BotUnit unit) => $"{AssemblyName(unit)}.{ApiBuild}.dll";

    // Unique per version: the old and the new build of a unit live side by side until the old one is unloaded.
    private static string AssemblyName(BotUnit unit) =>
        $"LiveBot.{new string([.. unit.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')])}.{unit.Version}";

    /// <summary>The cache folder, created (owner-only) if need be; null when it cannot be written (a read-only home).</summary>
    private string? UsableCache()
    {
        if (cacheFolder is null)
        {
            return null;
        }

        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(cacheFolder);
            }
            else if (!Directory.Exists(cacheFolder))
            {
                Directory.CreateDirectory(cacheFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            // Probed here: the child cannot tell a folder it may not write from a failed compile.
            var probe = Path.Combine(cacheFolder, $".probe.{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return cacheFolder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No cache: this batch compiles into a temporary folder and the next start compiles again.
            return null;
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover in the temporary folder is no reason to fail a reload whose images were read already.
        }
    }

    private static (byte[]? Image, IReadOnlyList<BotDiagnostic> Errors) Read(CompileJob job)
    {
        try
        {
            return (File.ReadAllBytes(job.Output), []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, [new BotDiagnostic(job.Name, 0, 0, $"The compiled image could not be read: {ex.Message}")]);
        }
    }
}
