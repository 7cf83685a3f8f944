using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Shaping;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// The result of a batch as its sub-calls finish: result, result_error, result_total / result_next (list methods only:
/// total always, next when more follow) and result_time, each keyed by the command's name and encoded as PHP arrays.
/// Keeps the successful results by name for later commands' $result references.
/// </summary>
internal sealed class BatchAnswer
{
    private readonly List<KeyValuePair<string, JsonNode?>> _results = [];
    private readonly List<KeyValuePair<string, JsonNode?>> _errors = [];
    private readonly List<KeyValuePair<string, JsonNode?>> _totals = [];
    private readonly List<KeyValuePair<string, JsonNode?>> _nexts = [];
    private readonly List<KeyValuePair<string, JsonNode?>> _times = [];
    private readonly Dictionary<string, JsonNode?> _byName = new(StringComparer.Ordinal);

    /// <summary>What earlier commands returned, by name.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Results => _byName;

    public void Add(string key, RestOutcome outcome)
    {
        _times.Add(new(key, outcome.BatchTime()));
        if (!outcome.Succeeded)
        {
            _errors.Add(new(key, outcome.ErrorJson()));
            return;
        }

        _results.Add(new(key, outcome.Result));
        _byName[key] = outcome.Result;
        if (outcome.Page is { } page)
        {
            _totals.Add(new(key, page.Total));
            if (page.Next is { } next)
            {
                _nexts.Add(new(key, next));
            }
        }
    }

    public JsonObject ToJson() => new()
    {
        ["result"] = PhpJson.Array(_results),
        ["result_error"] = PhpJson.Array(_errors),
        ["result_total"] = PhpJson.Array(_totals),
        ["result_next"] = PhpJson.Array(_nexts),
        ["result_time"] = PhpJson.Array(_times),
    };
}
