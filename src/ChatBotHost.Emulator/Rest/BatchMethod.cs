using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// batch (spec §2.5): up to 50 "method?query" sub-calls, each authorized by its own botToken; HTTP 200 even when
/// sub-calls fail; halt stops at the first failure. A command's parameters may refer to earlier results
/// ($result[name][field], see BatchReferences). Result maps are PHP arrays (empty → []).
/// </summary>
internal sealed class BatchMethod(RestDispatcher dispatcher)
{
    public const int MaxCommands = 50;

    public JsonObject Invoke(RestCall call)
    {
        var commands = Commands(call.Params);
        if (commands.Count > MaxCommands)
        {
            throw new RestException("ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
        }

        var halt = call.Params.Bool("halt") ?? false;
        var answer = new BatchAnswer();
        foreach (var (key, command) in commands)
        {
            var (method, query) = Split(command);
            var parameters = BatchReferences.Substitute(query, answer.Results);
            if (call.Token is { } owner && owner == call.State.AppOwner)
            {
                // OAuth's auth travels on the outer call only; its sub-calls act for the same application.
                parameters["botToken"] = owner;
            }

            var outcome = dispatcher.Invoke(method, parameters, inBatch: true, call.Caller);
            answer.Add(key, outcome);
            if (!outcome.Succeeded && halt)
            {
                break;
            }
        }

        return answer.ToJson();
    }

    /// <summary>The sub-calls' methods, for holding a batch that carries a held method.</summary>
    public static IEnumerable<string> Methods(JsonObject parameters) =>
        Commands(new RestParams(parameters)).Select(c => MethodNames.Normalize(Split(c.Value).Method));

    /// <summary>cmd as a map (key = caller's id) or a list (keys 0..n-1).</summary>
    private static List<KeyValuePair<string, string>> Commands(RestParams parameters) => parameters.Node("cmd") switch
    {
        JsonObject map => [.. map.Select(p => KeyValuePair.Create(p.Key, p.Value?.ToString() ?? ""))],
        JsonArray list => [.. list.Select((n, i) => KeyValuePair.Create(i.ToString(CultureInfo.InvariantCulture), n?.ToString() ?? ""))],
        _ => [],
    };

    private static (string Method, JsonObject Parameters) Split(string command)
    {
        var question = command.IndexOf('?', StringComparison.Ordinal);
        return question < 0
            ? (command, [])
            : (command[..question], PhpForm.Decode(command[(question + 1)..]));
    }
}
