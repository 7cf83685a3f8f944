using ChatBotHost.Configuration;
using ChatBotHost.Hosting;

namespace ChatBotHost.Operations.Cli;

/// <summary>
/// The management commands of the executable: the host's configuration and services, built but not started (no web
/// server, no pollers, no workers), and one command run against them.
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

        var portalKey = $"{ChatBotHostOptions.SectionName}:Portal:WebhookUrl";
        await using var app = await ChatBotHostApp.BuildAsync([.. command.ConfigurationArgs], builder =>
        {
            if (string.IsNullOrWhiteSpace(builder.Configuration[portalKey]))
            {
                // Local mode would start a throw-away emulator: there is nothing to manage in it.
                throw new CliException($"No portal is configured ({portalKey}); the commands manage a real portal and its state.");
            }

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
