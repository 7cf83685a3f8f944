using System.Text.Json.Nodes;

namespace ChatBotHost.Abstractions.Messages;

/// <summary>
/// Builds a rich attach (spec §6.4): a coloured card of blocks under a message. Each block is checked as it is added;
/// <see cref="ToJson"/> refuses what Bitrix24 would reject as ATTACH_OVERSIZE.
/// </summary>
public sealed class Attach
{
    /// <summary>The longest serialized attach Bitrix24 accepts.</summary>
    public const int MaxSerializedLength = 60_000;

    private readonly List<JsonObject> _blocks = [];
    private readonly string? _color;

    /// <summary>An id for the attach within its message.</summary>
    public int? Id { get; init; }

    /// <summary>A theme colour for the card (Bitrix24's default is base).</summary>
    public ButtonColorToken? ColorToken { get; init; }

    /// <summary>An explicit colour, #RGB or #RRGGBB (kept for older clients and some notifications).</summary>
    public string? Color
    {
        get => _color;
        init => _color = AttachWire.CheckColor(null, "COLOR", value);
    }

    /// <summary>How many blocks were added.</summary>
    public int BlockCount => _blocks.Count;

    /// <summary>Adds a text block; BB-codes allowed (USER, CHAT, SEND, PUT, CALL, BR, B, U, I, S, URL), escape user text with <see cref="BbCode"/>.</summary>
    public Attach Message(string bb) => Add("MESSAGE", AttachWire.CheckText("MESSAGE", "MESSAGE", bb));

    /// <summary>Adds a link block.</summary>
    public Attach Link(AttachLink link) => Add("LINK", AttachWire.Link(link ?? throw new ArgumentNullException(nameof(link))));

    /// <summary>Adds a link block with a title and an optional description.</summary>
    public Attach Link(string url, string? name = null, string? desc = null) => Link(new AttachLink { Link = url, Name = name, Desc = desc });

    /// <summary>Adds a user card.</summary>
    public Attach User(AttachUser user) => Add("USER", AttachWire.User(user ?? throw new ArgumentNullException(nameof(user))));

    /// <summary>Adds a grid of name–value items, all in one display mode.</summary>
    public Attach Grid(params GridItem[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Length == 0)
        {
            throw AttachWire.Problem("GRID", "needs at least one item");
        }

        var modes = items.Select(item => (item ?? throw new ArgumentNullException(nameof(items))).Display).Distinct().ToList();
        if (modes.Count > 1)
        {
            throw AttachWire.Problem("GRID", $"mixes DISPLAY modes {string.Join(", ", modes)}; use one GRID block per mode");
        }

        return Add("GRID", new JsonArray([.. items.Select(AttachWire.GridItem)]));
    }

    /// <summary>Adds a block of one or more images.</summary>
    public Attach Image(params AttachImage[] images) => Add("IMAGE", Many("IMAGE", images, AttachWire.Image));

    /// <summary>Adds a block of one or more linked files.</summary>
    public Attach File(params AttachFile[] files) => Add("FILE", Many("FILE", files, AttachWire.File));

    /// <summary>Adds a divider line, optionally with a width in pixels (Bitrix24's default is 200) and a colour.</summary>
    public Attach Delimiter(int? size = null, string? color = null) => Add("DELIMITER", AttachWire.Delimiter(size, color));

    /// <summary>The attach as <c>fields.attach</c> in full form: ID, COLOR_TOKEN, COLOR and BLOCKS.</summary>
    public JsonObject ToJson()
    {
        if (_blocks.Count == 0)
        {
            throw new InvalidOperationException("An attach needs at least one block.");
        }

        var json = new JsonObject()
            .Opt("ID", Id)
            .Opt("COLOR_TOKEN", ColorToken is { } token ? ButtonWire.Name(token) : null)
            .Opt("COLOR", Color);
        json["BLOCKS"] = new JsonArray([.. _blocks.Select(block => block.DeepClone())]);

        // An upper estimate of what Bitrix24 measures: System.Text.Json writes non-ASCII and HTML characters as \uXXXX
        // (never fewer characters than PHP counts), and PHP's json_encode writes '/' as "\/", so each '/' counts twice.
        var serialized = json.ToJsonString();
        var length = serialized.Length + serialized.Count(c => c == '/');
        if (length > MaxSerializedLength)
        {
            throw new InvalidOperationException(
                $"The attach serializes to {length} characters; Bitrix24 rejects more than {MaxSerializedLength} (ATTACH_OVERSIZE).");
        }

        return json;
    }

    private static JsonArray Many<T>(string block, T[] values, Func<T, JsonObject> write)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length == 0)
        {
            throw AttachWire.Problem(block, "needs at least one item");
        }

        return new JsonArray([.. values.Select(value => write(value ?? throw new ArgumentNullException(nameof(values))))]);
    }

    private Attach Add(string type, JsonNode value)
    {
        _blocks.Add(new JsonObject { [type] = value });
        return this;
    }
}
