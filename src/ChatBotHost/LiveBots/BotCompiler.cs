using System.Reflection;
using System.Runtime.CompilerServices;

namespace ChatBotHost.LiveBots;

/// <summary>
/// Turns a unit's sources into an assembly image. A unit compiled before (same sources, same author-facing
/// assemblies) is read back from this user's cache, so a restart loads no compiler at all: Roslyn costs seconds and
/// tens of megabytes, and is loaded only when something new is to be compiled.
/// </summary>
internal sealed class BotCompiler(string? cacheFolder)
{
    public static readonly string[] AuthorAssemblies = ["ChatBotHost.Abstractions", "ChatBotHost.Bitrix"];

    private int _compiled;
    private int _compiledAtLastRelease;

    // The build of the author-facing API the cached images were compiled against: another build compiles afresh.
    private static readonly string ApiBuild = string.Join("-", AuthorAssemblies.Select(name =>
        Assembly.Load(name).ManifestModule.ModuleVersionId.ToString("N")[..8]));

    /// <summary>~/.local/share/ChatBotHost/bot-cache (per user: a shared temporary folder would let others plant code).</summary>
    public static string? DefaultCacheFolder()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, "ChatBotHost", "bot-cache");
    }

    /// <summary>How many units Roslyn compiled so far (the others came from the cache).</summary>
    public int Compiled => Volatile.Read(ref _compiled);

    /// <summary>The assembly's image, or the errors that kept it from compiling.</summary>
    public (byte[]? Image, IReadOnlyList<BotDiagnostic> Errors) Compile(BotUnit unit, string folder)
    {
        var name = AssemblyName(unit);
        var cached = cacheFolder is null ? null : Path.Combine(cacheFolder, $"{name}.{ApiBuild}.dll");
        if (cached is not null && File.Exists(cached))
        {
            return (File.ReadAllBytes(cached), []);
        }

        Interlocked.Increment(ref _compiled);
        var (image, errors) = CompileNow(unit, folder, name);
        if (image is not null && cached is not null)
        {
            Store(cached, image);
        }

        return (image, errors);
    }

    /// <summary>
    /// After a batch of compiles (start-up, one reload): drops the compiler's references and compacts the heap
    /// aggressively, returning its memory to the system. A compile leaves well over 100 MB of garbage behind,
    /// which an idle host would otherwise keep resident. Nothing happens when nothing was compiled.
    /// </summary>
    public void ReleaseMemory()
    {
        var compiled = Compiled;
        if (Interlocked.Exchange(ref _compiledAtLastRelease, compiled) == compiled)
        {
            return;
        }

        ReleaseRoslyn();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReleaseRoslyn() => RoslynBuild.ReleaseReferences();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (byte[]? Image, IReadOnlyList<BotDiagnostic> Errors) CompileNow(BotUnit unit, string folder, string name) =>
        RoslynBuild.Compile(unit, folder, name);

    // Unique per version: the old and the new build of a unit live side by side until the old one is unloaded.
    private static string AssemblyName(BotUnit unit) =>
        $"LiveBot.{new string([.. unit.Name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')])}.{unit.Version}";

    private static void Store(string path, byte[] image)
    {
        try
        {
            var folder = Path.GetDirectoryName(path)!;
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else if (!Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            // Written aside and moved in: a replica starting meanwhile never reads half an image.
            var partial = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllBytes(partial, image);
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // No cache (read-only home in a locked-down container): the next start compiles again, nothing else changes.
        }
    }
}
