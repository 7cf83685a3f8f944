using System.Runtime.InteropServices;

namespace ChatBotHost.Operations.Memory;

/// <summary>
/// The native heap's counterpart of the collector's decommit. glibc's malloc keeps what native code freed (the JIT's
/// working memory while a busy spell recompiles hot methods at tier 1, the runtime's own tables) in its arenas, and
/// gives back only a free stretch at an arena's top. After 1,000 messages that was about 10 MB: 11 MB in one arena
/// with 5.6 MB of it in use. malloc_trim returns every free page, wherever it lies in an arena.
/// </summary>
internal static partial class NativeHeap
{
    /// <summary>Returns the native heap's free pages to the system; nothing where the C library has no malloc_trim.</summary>
    public static void Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // A C library without it (musl: Alpine images) frees differently; nothing to do. The runtime maps "libc" to
            // the system's C library itself, so not finding it at all is not expected, but must not stop the idle trim.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
