using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatBotHost.State.Redis;

/// <summary>
/// An inbox entry as Redis holds it: the item's JSON in UTF-8. Written straight to bytes by generated code, because
/// every webhook delivery is encoded once on the intake's hot path: no reflection, and no string the Redis client would
/// have to encode again.
/// </summary>
internal static class RedisInboxEntry
{
    // Entries are read only by the inbox store, never embedded in HTML: a form body's many '&' and '+' stay one byte each
    // instead of six, which keeps the hot enqueue smaller and cheaper.
    private static readonly InboxEntryJsonContext Json = new(
        new JsonSerializerOptions(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static byte[] Encode(InboxItem item) => JsonSerializer.SerializeToUtf8Bytes(item, Json.InboxItem);

    public static InboxItem Decode(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, Json.InboxItem) ?? throw new InvalidOperationException("An inbox entry in Redis is empty.");
}

/// <summary>The generated serializer of <see cref="InboxItem"/> entries.</summary>
[JsonSerializable(typeof(InboxItem))]
internal sealed partial class InboxEntryJsonContext : JsonSerializerContext;
