using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>The imbot.v2.Command.* methods (spec §4.4, §7.2).</summary>
internal static class CommandMethods
{
    private const string Prefix = "imbot.v2.Command.";

    public static IEnumerable<RestMethod> All() =>
    [
        new(Prefix + "register", BotAuth.BotId, Register),
        new(Prefix + "update", BotAuth.BotId, Update),
        new(Prefix + "list", BotAuth.BotId, List),
        new(Prefix + "unregister", BotAuth.BotId, Unregister),
        new(Prefix + "answer", BotAuth.BotId, CommandAnswer.Answer),
    ];

    private static JsonObject Register(RestCall call)
    {
        var state = call.State;
        // The legacy flat form (no "fields") is still accepted until 30.09.2026.
        var fields = call.Params.Object("fields") ?? call.Params;
        var name = fields.Text("command") ?? throw new RestException("COMMAND_REQUIRED", "Command is required");
        CommandRules.ValidateName(name);
        var existing = state.CommandsOf(call.Bot.Id)
            .FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            return new JsonObject { ["command"] = CommandJson.Short(existing) }; // idempotent: unchanged
        }

        var hidden = fields.Bool("hidden") ?? false;
        var title = CommandRules.Localized(fields.Node("title"), state.Settings.Language);
        if (title.IsEmpty && !hidden)
        {
            throw new RestException("COMMAND_TITLE_REQUIRED", "Command title is required");
        }

        var command = new EmulatedCommand(state.TakeCommandId(), call.Bot.Id, "/" + name)
        {
            Title = title,
            Params = CommandRules.Localized(fields.Node("params"), state.Settings.Language),
            Common = fields.Bool("common") ?? false,
            Hidden = hidden,
            ExtranetSupport = fields.Bool("extranetSupport") ?? false,
        };
        state.Commands.Add(command.Id, command);
        return new JsonObject { ["command"] = CommandJson.Short(command) };
    }

    private static JsonObject Update(RestCall call)
    {
        var state = call.State;
        var command = CommandRules.Owned(call);
        var fields = call.Params.Object("fields") ?? throw new RestException("PARAMS_REQUIRED", "Fields are required");
        var updated = command;
        if (fields.Has("command"))
        {
            var name = fields.Text("command") ?? throw new RestException("COMMAND_NAME_EMPTY", "Command name is empty");
            CommandRules.ValidateName(name);
            if (state.CommandsOf(call.Bot.Id).Any(c => c.Id != command.Id && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new RestException("COMMAND_ALREADY_EXISTS", "The bot already has this command");
            }

            updated = updated with { Command = "/" + name };
        }

        var title = CommandRules.Merge(command.Title, fields.Node("title"), state.Settings.Language);
        updated = updated with
        {
            Title = title,
            // params apply only to languages present in title (spec §7.2)
            Params = CommandRules.Merge(command.Params, fields.Node("params"), state.Settings.Language)
                .Where(p => title.ContainsKey(p.Key)).ToImmutableDictionary(),
            Common = fields.Bool("common") ?? command.Common,
            Hidden = fields.Bool("hidden") ?? command.Hidden,
            ExtranetSupport = fields.Bool("extranetSupport") ?? command.ExtranetSupport,
        };
        state.Commands[command.Id] = updated;
        return new JsonObject { ["command"] = CommandJson.Short(updated) };
    }

    private static JsonObject List(RestCall call)
    {
        var commands = call.State.CommandsOf(call.Bot.Id)
            .Select(c => CommandJson.Listed(c, call.Bot.Name, call.State.Settings.Language));
        return new JsonObject { ["commands"] = new JsonArray([.. commands]) };
    }

    private static JsonObject Unregister(RestCall call)
    {
        call.State.Commands.Remove(CommandRules.Owned(call).Id);
        return Ok.Result();
    }
}
