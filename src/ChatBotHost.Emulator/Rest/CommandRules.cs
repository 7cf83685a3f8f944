using System.Collections.Immutable;
using System.Text.Json.Nodes;
using ChatBotHost.Emulator.Portal;

namespace ChatBotHost.Emulator.Rest;

/// <summary>Command names and localized texts: {"en": "...", "de": "..."} or a plain string in the portal language.</summary>
internal static class CommandRules
{
    public static void ValidateName(string name)
    {
        if (name.Any(c => c == '/' || char.IsWhiteSpace(c)))
        {
            throw new RestException("COMMAND_NAME_INVALID", "Command name must be one word without '/'");
        }
    }

    public static EmulatedCommand Owned(RestCall call) =>
        call.Params.Int("commandId") is int id && call.State.Commands.TryGetValue(id, out var command) && command.BotId == call.Bot.Id
            ? command
            : throw new RestException("COMMAND_NOT_FOUND", "Command not found");

    public static ImmutableDictionary<string, string> Localized(JsonNode? node, string language) =>
        Merge(ImmutableDictionary<string, string>.Empty, node, language);

    /// <summary>Per language: a string sets, null deletes, an absent key keeps (Command.update semantics).</summary>
    public static ImmutableDictionary<string, string> Merge(
        ImmutableDictionary<string, string> current, JsonNode? node, string language)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                return string.IsNullOrWhiteSpace(text) ? current : current.SetItem(language, text);
            case JsonObject texts:
                foreach (var (lang, text) in texts)
                {
                    current = text is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0
                        ? current.SetItem(lang.ToLowerInvariant(), s)
                        : current.Remove(lang.ToLowerInvariant());
                }

                return current;
            default:
                return current;
        }
    }
}
