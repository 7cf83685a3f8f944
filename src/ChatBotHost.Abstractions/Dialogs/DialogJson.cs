using System.Text.Json;

namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>How dialog state, arguments and results are stored: web defaults, so a state class needs no attributes.</summary>
internal static class DialogJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
