using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Commands;
using ChatBotHost.Hosting;
using ChatBotHost.State;

namespace ChatBotHost.Registration;

/// <summary>
/// Registers the declared commands (Command.register is idempotent and returns an existing command unchanged, so a
/// changed declaration needs Command.update) and unregisters the bot's commands that are no longer declared.
/// </summary>
internal sealed partial class CommandReconciler(ILogger<CommandReconciler> logger)
{
    public async Task<BotRegistration> ReconcileAsync(HostedBot bot, BotRegistration registration, CancellationToken cancellationToken)
    {
        // One attempt per request: BotLifecycle retries the whole reconciliation with backoff, so attempts do not multiply.
        var client = bot.Portal.CreateClient(bot, Delivery.CallPath.Once);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var command in bot.Definition.Commands)
        {
            var fields = ToFields(command);
            var fingerprint = Fingerprint.Of(fields);
            var result = await client.CallAsync(new CommandRegisterRequest { Fields = fields }, cancellationToken);
            var id = result.Command.Id;
            var unchanged = registration.CommandIds.GetValueOrDefault(command.Name) == id
                && registration.CommandFingerprints.GetValueOrDefault(command.Name) == fingerprint;
            if (!unchanged)
            {
                await client.CallAsync(new CommandUpdateRequest { CommandId = id, Fields = fields }, cancellationToken);
            }

            ids[command.Name] = id;
            fingerprints[command.Name] = fingerprint;
        }

        await RemoveUndeclaredAsync(bot, client, ids, cancellationToken);
        return registration with { CommandIds = ids, CommandFingerprints = fingerprints };
    }

    private async Task RemoveUndeclaredAsync(HostedBot bot, IBitrixClient client, Dictionary<string, int> declared, CancellationToken cancellationToken)
    {
        var listed = await client.CallAsync(new CommandListRequest(), cancellationToken);
        foreach (var stale in listed.Commands.Where(c => c.BotId == bot.BotId && !declared.ContainsValue(c.Id)))
        {
            await client.CallAsync(new CommandUnregisterRequest { CommandId = stale.Id }, cancellationToken);
            LogRemoved(logger, bot.Code, stale.Command);
        }
    }

    private static CommandFields ToFields(CommandDeclaration command) => new()
    {
        Command = command.Name,
        Title = command.Title.Count > 0 ? command.Title.ToDictionary(t => t.Key, string? (t) => t.Value) : null,
        Params = command.Params.Count > 0 ? command.Params.ToDictionary(p => p.Key, string? (p) => p.Value) : null,
        Common = command.Common,
        Hidden = command.Hidden,
        ExtranetSupport = command.ExtranetSupport,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot {Bot}: unregistered command {Command}, which is no longer declared")]
    private static partial void LogRemoved(ILogger logger, string bot, string command);
}
