using System.Globalization;
using System.Runtime.Versioning;

namespace ChatBotHost.Operations.Cli;

/// <summary>
/// Where a local-mode host and the management commands meet: a Unix domain socket per running host, in a directory
/// only this user can open. The emulator and (without Redis) all state live inside the running host, so the commands
/// run there; a file-system socket needs no port, is reachable from no other machine, and its directory's permissions
/// decide who may use it.
/// </summary>
internal static class LocalCommandChannel
{
    /// <summary>The socket files' extension; each is named {process id}-{random}.sock.</summary>
    public const string Extension = ".sock";

    /// <summary>
    /// The directory for this user: $XDG_RUNTIME_DIR/chatbothost when there is one (per user, mode 700, emptied at
    /// logout), else the user's local application data, else the temporary directory with the user's name.
    /// </summary>
    public static string DirectoryPath()
    {
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        if (!string.IsNullOrWhiteSpace(runtime) && Directory.Exists(runtime))
        {
            return Path.Combine(runtime, "chatbothost");
        }

        var appData = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return !string.IsNullOrWhiteSpace(appData)
            ? Path.Combine(appData, "ChatBotHost", "local")
            : Path.Combine(Path.GetTempPath(), $"chatbothost-{Environment.UserName}");
    }

    /// <summary>A new socket path for this process (several hosts may run, even in one test process).</summary>
    public static string NewSocketPath(string directory) =>
        Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}{Extension}"));

    /// <summary>Creates the directory readable by this user only, or checks that an existing one is.</summary>
    /// <exception cref="UnauthorizedAccessException">The directory is a link or others may enter it: it is not used.</exception>
    public static void EnsurePrivateDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory); // under the user's own profile
            return;
        }

        CreatePrivate(directory);
    }

    /// <summary>True when the directory exists and is this user's alone (on Unix: no link, no group or other bits).</summary>
    public static bool IsPrivate(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return false;
        }

        return OperatingSystem.IsWindows() || IsPrivateOnUnix(directory);
    }

    /// <summary>The process id a socket file was named after, or null for a name this host did not make.</summary>
    public static int? ProcessIdOf(string socketPath)
    {
        var name = Path.GetFileNameWithoutExtension(socketPath);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    [UnsupportedOSPlatform("windows")]
    private static void CreatePrivate(string directory)
    {
        if (!Directory.Exists(directory))
        {
            var parent = Path.GetDirectoryName(directory);
            if (!string.IsNullOrEmpty(parent))
            {
                Directory.CreateDirectory(parent);
            }

            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!IsPrivateOnUnix(directory))
        {
            throw new UnauthorizedAccessException($"{directory} is a link or open to other users; the local command channel is not started.");
        }
    }

    [UnsupportedOSPlatform("windows")]
    private static bool IsPrivateOnUnix(string directory)
    {
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

        // A directory this user can enter that grants nothing to group or others is the user's own (or root's).
        var info = new DirectoryInfo(directory);
        return info.LinkTarget is null && (File.GetUnixFileMode(directory) & others) == 0;
    }
}
