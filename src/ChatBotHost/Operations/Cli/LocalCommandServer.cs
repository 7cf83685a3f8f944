using System.Net.Sockets;
using System.Text.Json;
using ChatBotHost.Operations.Logging;

namespace ChatBotHost.Operations.Cli;

/// <summary>
/// In local mode, runs the management commands a second process (`dotnet run -- bots list`) sends over the local
/// command channel (<see cref="LocalCommandChannel"/>) against this host's own services: its emulator, its registrations
/// and, with in-memory state, the only inbox and dead letters there are. One command at a time; the socket is removed
/// when the host stops. No network port is opened.
/// </summary>
internal sealed partial class LocalCommandServer(IServiceProvider services, SecretMask mask, ILogger<LocalCommandServer> logger) : BackgroundService
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The socket this host listens on, once it does.</summary>
    public string? SocketPath { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = Listen();
        if (listener is null)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Socket connection;
                try
                {
                    connection = await listener.AcceptAsync(stoppingToken);
                }
                catch (SocketException ex)
                {
                    // The channel is a convenience: losing it must not stop the host.
                    LogNotListening(logger, SocketPath ?? "", ex.Message);
                    return;
                }

                using (connection)
                {
                    await ServeAsync(connection, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            TryDelete(SocketPath);
        }
    }

    private Socket? Listen()
    {
        var directory = LocalCommandChannel.DirectoryPath();
        var path = LocalCommandChannel.NewSocketPath(directory);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            LocalCommandChannel.EnsurePrivateDirectory(directory);
            socket.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            socket.Listen(4);
            SocketPath = path;
            LogListening(logger, path);
            return socket;
        }
        catch (Exception ex) when (ex is SocketException or IOException or UnauthorizedAccessException or PlatformNotSupportedException or ArgumentException)
        {
            // The host runs fine without it; only `bots list` and friends from another terminal will not find it. (A path
            // longer than a socket address allows is an ArgumentException.)
            socket.Dispose();
            TryDelete(path);
            LogNotListening(logger, directory, ex.Message);
            return null;
        }
    }

    private async Task ServeAsync(Socket connection, CancellationToken stoppingToken)
    {
        await using var stream = new NetworkStream(connection, ownsSocket: false);
        LocalCommandAnswer answer;
        try
        {
            using var read = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            read.CancelAfter(ReadTimeout);
            var request = await LocalCommandWire.ReadAsync<LocalCommandRequest>(stream, LocalCommandRequest.MaxBytes, read.Token);
            answer = await RunAsync(request?.Args ?? [], stoppingToken);
        }
        catch (Exception ex) when (ex is IOException or JsonException or InvalidDataException or OperationCanceledException && !stoppingToken.IsCancellationRequested)
        {
            LogBadRequest(logger, ex.Message);
            return;
        }

        try
        {
            await LocalCommandWire.WriteAsync(stream, answer, stoppingToken);
        }
        catch (IOException ex)
        {
            LogBadRequest(logger, ex.Message); // the command line went away before its answer
        }
    }

    private async Task<LocalCommandAnswer> RunAsync(IReadOnlyList<string> args, CancellationToken stoppingToken)
    {
        using var output = new StringWriter();
        var command = CliParser.Parse(args, out var problem);
        if (command is null || command.Verb == CliCommand.Help || command.ConfigurationArgs.Count > 0)
        {
            return new LocalCommandAnswer(2, Environment.ProcessId, "", problem ?? "The running host takes a command without settings.");
        }

        LogCommand(logger, command.Verb);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            var exit = await HostCli.RunAsync(command, services, output, timeout.Token);
            return new LocalCommandAnswer(exit, Environment.ProcessId, mask.Apply(output.ToString()), "");
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // As the command line itself would say it: masked, without a stack trace.
            return new LocalCommandAnswer(1, Environment.ProcessId, mask.Apply(output.ToString()), $"'{command.Verb}' failed: {mask.Apply(ex.Message)}");
        }
    }

    private static void TryDelete(string? path)
    {
        try
        {
            if (path is not null)
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
            // Left behind: the command line skips sockets of processes that are gone.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Management commands from this machine's user (dotnet run -- bots list) are answered at {SocketPath}")]
    private static partial void LogListening(ILogger logger, string socketPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The local command channel is not available ({Directory}: {Reason}); management commands cannot reach this host")]
    private static partial void LogNotListening(ILogger logger, string directory, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Running management command '{Verb}' for the local command line")]
    private static partial void LogCommand(ILogger logger, string verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A local management command could not be read or answered: {Reason}")]
    private static partial void LogBadRequest(ILogger logger, string reason);
}
