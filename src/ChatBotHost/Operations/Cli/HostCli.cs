using ChatBotHost.Hosting;

namespace ChatBotHost.Operations.Cli;

/// <summary>
/// The management commands of the executable: the host's configuration and services, built but not started (no web
/// server, no pollers, no workers), and one command run against them. In local mode (no portal configured) there is
/// nothing to build: the command is sent to the running local-mode host (<see cref="LocalCommandServer"/>).
/// </summary>
internal static class HostCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        if (CliParser.Parse(args, out var problem) is not { } command)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(CliParser.Usage);
            return 2;
        }

        if (command.Verb == CliCommand.Help)
        {
            await output.WriteLineAsync(CliParser.Usage);
            return 0;
        }

        var configuration = ReadConfiguration(command.ConfigurationArgs);
        if (string.IsNullOrWhiteSpace(configuration[LocalPortal.WebhookUrlKey]))
        {
            if (string.IsNullOrWhiteSpace(configuration[LocalPortal.ClientIdKey]))
            {
                // Local mode: the emulator and the state are inside the running host, so the command runs there.
                return await RunOnLocalHostAsync(command, output, error, cancellationToken);
            }

            throw new CliException($"No portal is configured ({LocalPortal.WebhookUrlKey}); with an application alone the portals are known only to a running host.");
        }

        await using var app = await ChatBotHostApp.BuildAsync([.. command.ConfigurationArgs], builder =>
        {
            // The commands print tables; the host's information messages would only get in between.
            builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
        }, cancellationToken);

        try
        {
            return await RunAsync(command, app.Services, output, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // An operator's terminal is a log too: the message goes through the same mask.
            var mask = app.Services.GetRequiredService<Logging.SecretMask>();
            await error.WriteLineAsync($"'{command.Verb}' failed: {mask.Apply(ex.Message)}");
            return 1;
        }
    }

    private static async Task<int> RunOnLocalHostAsync(CliCommand command, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        LocalCommandAnswer? answer;
        try
        {
            answer = await LocalCommandClient.SendAsync(command, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or System.Text.Json.JsonException or InvalidDataException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"The running local host did not answer '{command.Verb}': {ex.Message}");
            return 1;
        }

        if (answer is null)
        {
            await error.WriteLineAsync(
                $"No portal is configured ({LocalPortal.WebhookUrlKey}) and no local-mode host is running for this user. "
                + "Start one with `dotnet run --project src/ChatBotHost` (it runs the built-in emulator) and run the command again "
                + "from another terminal, or configure a portal.");
            return 1;
        }

        await error.WriteLineAsync($"Local mode: answered by the running host (process {answer.ProcessId}).");
        await output.WriteAsync(answer.Output);
        if (answer.Error.Length > 0)
        {
            await error.WriteLineAsync(answer.Error);
        }

        return answer.ExitCode;
    }

    // The host's configuration sources (appsettings, environment, command line), read without building the host: in
    // local mode building it would start a second, empty emulator.
    private static ConfigurationManager ReadConfiguration(IReadOnlyList<string> args) =>
        WebApplication.CreateBuilder([.. args]).Configuration;

    /// <summary>Runs a parsed command against a service provider (the tests use their own host's).</summary>
    public static Task<int> RunAsync(CliCommand command, IServiceProvider services, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var bots = new BotCommands(services, output);
        var queues = new QueueCommands(services, output);
        return command.Verb switch
        {
            CliCommand.BotsList => bots.ListAsync(cancellationToken),
            CliCommand.BotsRegister => bots.RegisterAsync(command.BotCode!, cancellationToken),
            CliCommand.BotsUnregister => bots.UnregisterAsync(command.BotCode!, cancellationToken),
            CliCommand.InboxStatus => queues.InboxStatusAsync(cancellationToken),
            CliCommand.DeadLettersList => queues.ListDeadLettersAsync(command.Portal, command.Count, cancellationToken),
            CliCommand.DeadLettersReplay => queues.ReplayAsync(command.Portal, command.Count, cancellationToken),
            _ => throw new ArgumentException($"Unknown command '{command.Verb}'.", nameof(command)),
        };
    }
}
