using System.Diagnostics;
using System.Net.Sockets;

namespace ChatBotHost.Operations.Cli;

/// <summary>
/// The command line's side of the local command channel: with no portal configured, the commands go to the running
/// local-mode host (the newest when several run), whose emulator and state they are about.
/// </summary>
internal static class LocalCommandClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>The running local host's answer, or null when no local host is running for this user.</summary>
    public static async Task<LocalCommandAnswer?> SendAsync(CliCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var path in Candidates())
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
            }
            catch (Exception ex) when (ex is SocketException or ArgumentException)
            {
                continue; // a host that is stopping, one that died without removing its socket, or a path too long for one
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await LocalCommandWire.WriteAsync(stream, new LocalCommandRequest(command.CommandArguments()), timeout.Token);
            return await LocalCommandWire.ReadAsync<LocalCommandAnswer>(stream, LocalCommandAnswer.MaxBytes, timeout.Token)
                ?? throw new IOException("The local host answered nothing.");
        }

        return null;
    }

    // Newest first: the host started last is the one a newcomer just ran. Sockets of processes that are gone are removed.
    private static List<string> Candidates()
    {
        var directory = LocalCommandChannel.DirectoryPath();
        if (!LocalCommandChannel.IsPrivate(directory))
        {
            return [];
        }

        var live = new List<FileInfo>();
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles("*" + LocalCommandChannel.Extension))
        {
            if (LocalCommandChannel.ProcessIdOf(file.FullName) is not { } id)
            {
                continue;
            }

            if (IsRunning(id))
            {
                live.Add(file);
            }
            else
            {
                TryDelete(file);
            }
        }

        return [.. live.OrderByDescending(f => f.LastWriteTimeUtc).Select(f => f.FullName)];
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(FileInfo file)
    {
        try
        {
            file.Delete();
        }
        catch (IOException)
        {
            // Someone else's cleanup won; nothing lost.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
