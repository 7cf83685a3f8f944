using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Wire;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// batch (spec §2.5): up to 50 "method?query" sub-calls, each authorized by its own botToken; HTTP 200 even when
/// sub-calls fail; halt stops at the first failure. Result maps are PHP arrays (empty → []).
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
        var results = new List<KeyValuePair<string, JsonNode?>>();
        var errors = new List<KeyValuePair<string, JsonNode?>>();
        var times = new List<KeyValuePair<string, JsonNode?>>();
        var totals = new List<KeyValuePair<string, JsonNode?>>();
        var nexts = new List<KeyValuePair<string, JsonNode?>>();
        var earlier = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, command) in commands)
        {
            var (method, query) = Split(command);
            var parameters = BatchReferences.Substitute(query, earlier);
            if (call.Token is { } owner && owner == call.State.AppOwner)
            {
                // OAuth's auth travels on the outer call only; its sub-calls act for the same application.
                parameters["botToken"] = owner;
            }

            var outcome = dispatcher.Invoke(method, parameters, inBatch: true, call.Caller);
            times.Add(new(key, outcome.BatchTime()));
            if (outcome.Succeeded)
            {
                results.Add(new(key, outcome.Result));
                earlier[key] = outcome.Result;
                AddPage(key, outcome.Page, totals, nexts);
                continue;
            }

            errors.Add(new(key, outcome.ErrorJson()));
            if (halt)
            {
                break;
            }
        }

        return new JsonObject
        {
            ["result"] = PhpJson.Array(results),
            ["result_error"] = PhpJson.Array(errors),
            ["result_total"] = PhpJson.Array(totals),
            ["result_next"] = PhpJson.Array(nexts),
            ["result_time"] = PhpJson.Array(times),
        };
    }

    // A list method's paging, per command: total always, next only when more follow.
    private static void AddPage(
        string key, ListPage? page, List<KeyValuePair<string, JsonNode?>> totals, List<KeyValuePair<string, JsonNode?>> nexts)
    {
        if (page is null)
        {
            return;
        }

        totals.Add(new(key, page.Total));
        if (page.Next is { } next)
        {
            nexts.Add(new(key, next));
        }
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
