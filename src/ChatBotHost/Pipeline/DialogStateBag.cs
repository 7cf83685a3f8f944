using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.State;

namespace ChatBotHost.Pipeline;

/// <summary>
/// A dialog's named values for one turn: loaded on first use (after the dialog lock), changed in memory,
/// saved once at the end of the turn with a compare-and-set on the version it was loaded at.
/// </summary>
internal sealed class DialogStateBag(IDialogStateStore store, DialogKey key) : IDialogState
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Changes made this turn; a null value removes the name.
    private readonly Dictionary<string, JsonNode?> _changes = new(StringComparer.Ordinal);
    private JsonObject? _loaded;
    private long _version;

    public DialogKey Key => key;

    public async ValueTask<T?> GetAsync<T>(string name, CancellationToken cancellationToken)
    {
        var node = _changes.TryGetValue(name, out var changed) ? changed : (await LoadAsync(cancellationToken))[name];
        return node is null ? default : node.Deserialize<T>(Json);
    }

    public void Set<T>(string name, T value) => _changes[name] = JsonSerializer.SerializeToNode(value, Json);

    public void Remove(string name) => _changes[name] = null;

    /// <summary>Saves this turn's changes, if any. Fails when someone else saved this dialog since it was loaded.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_changes.Count == 0)
        {
            return;
        }

        var document = (JsonObject)(await LoadAsync(cancellationToken)).DeepClone();
        foreach (var (name, value) in _changes)
        {
            if (value is null)
            {
                document.Remove(name);
            }
            else
            {
                document[name] = value.DeepClone();
            }
        }

        if (!await store.TrySaveAsync(key, document.ToJsonString(), _version, cancellationToken))
        {
            throw new DialogStateConflictException(key);
        }

        _loaded = document;
        _version++;
        _changes.Clear();
    }

    private async ValueTask<JsonObject> LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded is null)
        {
            var stored = await store.LoadAsync(key, cancellationToken);
            _loaded = stored is null ? [] : JsonNode.Parse(stored.Json) as JsonObject ?? [];
            _version = stored?.Version ?? 0;
        }

        return _loaded;
    }
}
