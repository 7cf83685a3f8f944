using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;

namespace ChatBotHost.Abstractions.Rest;

/// <summary>The outcome of every command of a <see cref="RestBatch"/>, in the batch's order.</summary>
public sealed class RestBatchResult
{
    private readonly Dictionary<string, RestCommandResult> _byName;

    /// <summary>Creates the result from the commands' outcomes (in order).</summary>
    public RestBatchResult(IReadOnlyList<RestCommandResult> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        Commands = commands;
        _byName = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }

    /// <summary>Every command's outcome in the batch's order.</summary>
    public IReadOnlyList<RestCommandResult> Commands { get; }

    /// <summary>Whether every command succeeded.</summary>
    public bool AllSucceeded => Commands.All(c => c.Status == RestCommandStatus.Succeeded);

    /// <summary>The outcome of the command with this name.</summary>
    /// <exception cref="KeyNotFoundException">No command has the name.</exception>
    public RestCommandResult this[string name] =>
        _byName.TryGetValue(name, out var command) ? command : throw new KeyNotFoundException($"The batch has no command named '{name}'.");

    /// <summary>The command's result; throws its error when it failed.</summary>
    /// <exception cref="BitrixApiException">The command failed.</exception>
    /// <exception cref="InvalidOperationException">The command never ran (halted batch).</exception>
    public JsonNode? GetResult(string name)
    {
        var command = this[name];
        return command.Status switch
        {
            RestCommandStatus.Succeeded => command.Result,
            RestCommandStatus.Failed => throw command.Error!,
            _ => throw new InvalidOperationException($"Command '{name}' did not run: the batch stopped at an earlier failure."),
        };
    }

    /// <summary>The command's result read as <typeparamref name="T"/>; throws as <see cref="GetResult(string)"/>.</summary>
    public T GetResult<T>(string name) => RestResults.Read<T>(this[name].Method, GetResult(name));
}
