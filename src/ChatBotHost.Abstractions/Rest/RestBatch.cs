namespace ChatBotHost.Abstractions.Rest;

/// <summary>
/// An author's batch: named commands run in the order added. A later command may use an earlier one's result through
/// <see cref="Result"/> (<c>$result[name]</c>, <c>$result[name][field]</c>) anywhere in its parameter values. Any
/// number of commands: the host sends them 50 (or fewer) per request and fills in references across requests itself.
/// </summary>
public sealed class RestBatch
{
    private readonly List<RestCommand> _commands = [];

    /// <summary>Stop at the first command that fails: later ones are not run (their outcome is NotRun).</summary>
    public bool Halt { get; init; }

    /// <summary>The commands in the order they run.</summary>
    public IReadOnlyList<RestCommand> Commands => _commands;

    /// <summary>How many commands the batch has.</summary>
    public int Count => _commands.Count;

    /// <summary>The reference to a command's result, or to a field (or list index) inside it: <c>$result[name][field]</c>.</summary>
    public static string Result(string command, params string[] path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        return RestReference.To(command, path);
    }

    /// <summary>Adds a command; returns this batch. Parameters as for <see cref="IBitrixRest.CallAsync"/>.</summary>
    /// <exception cref="ArgumentException">
    /// A blank or repeated name, a name with brackets, a nested batch, or a reference to a command not added before this one.
    /// </exception>
    public RestBatch Add(string name, string method, object? parameters = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        if (name.AsSpan().IndexOfAny("[]?&=") >= 0)
        {
            throw new ArgumentException($"The command name '{name}' must not contain brackets, '?', '&' or '='.", nameof(name));
        }

        if (string.Equals(method, "batch", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("A batch cannot contain another batch.", nameof(method));
        }

        if (_commands.Exists(c => string.Equals(c.Name, name, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"The batch already has a command named '{name}'.", nameof(name));
        }

        var json = RestParameters.From(parameters);
        foreach (var (_, text) in RestReference.StringsIn(json))
        {
            foreach (var reference in RestReference.In(text))
            {
                if (!_commands.Exists(c => string.Equals(c.Name, reference.Command, StringComparison.Ordinal)))
                {
                    throw new ArgumentException(
                        $"Command '{name}' refers to '{reference.Command}', which is not an earlier command of this batch.", nameof(parameters));
                }
            }
        }

        _commands.Add(new RestCommand(name, method, json));
        return this;
    }
}
