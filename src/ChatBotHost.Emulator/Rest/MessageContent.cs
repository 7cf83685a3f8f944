using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Rest;

/// <summary>
/// The message/keyboard/attach fields of send, update and Command.answer (spec §6.3, §6.4): keyboard as a JSON
/// string, {BOT_ID, BUTTONS} or a bare button array (wrapped); "N" or empty removes (in updates).
/// </summary>
internal sealed record MessageContent(string? Text, JsonNode? Keyboard, JsonNode? Attach, bool RemoveKeyboard, bool RemoveAttach)
{
    private const int MaxTextLength = 20_000;
    private const int MaxAttachLength = 60_000;

    public bool IsEmpty => string.IsNullOrEmpty(Text) && Attach is null;

    public static MessageContent Read(RestParams fields)
    {
        var text = fields.String("message");
        if (text is { Length: > MaxTextLength })
        {
            text = text[..MaxTextLength] + " (...)"; // Bitrix24 truncates rather than failing
        }

        var (keyboard, removeKeyboard) = Unwrap(fields.Node("keyboard"));
        var (attach, removeAttach) = Unwrap(fields.Node("attach"));
        return new MessageContent(text, ShapeKeyboard(keyboard), ShapeAttach(attach), removeKeyboard, removeAttach);
    }

    private static (JsonNode? Node, bool Remove) Unwrap(JsonNode? node)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text.Trim() is "" or "N" ? (null, true) : (PhpLists.ParseJsonString(text), false);
        }

        var normalized = PhpLists.Normalize(node);
        return normalized is JsonArray { Count: 0 } ? (null, true) : (normalized, false);
    }

    private static JsonObject? ShapeKeyboard(JsonNode? keyboard) => keyboard switch
    {
        JsonArray buttons => new JsonObject { ["BUTTONS"] = buttons },
        JsonObject { } obj when obj["BUTTONS"] is JsonArray => obj,
        null => null,
        _ => throw new RestException("KEYBOARD_ERROR", "Incorrect keyboard params"),
    };

    private static JsonNode? ShapeAttach(JsonNode? attach)
    {
        if (attach is null)
        {
            return null;
        }

        if (attach is not (JsonArray or JsonObject))
        {
            throw new RestException("ATTACH_ERROR", "Incorrect attach params");
        }

        if (attach.ToJsonString().Length > MaxAttachLength)
        {
            throw new RestException("ATTACH_OVERSIZE", "You have exceeded the maximum allowable size of attach");
        }

        return attach;
    }
}
