using System.Text.Json.Nodes;

namespace ChatBotHost.Emulator.Rest;

/// <summary>The "ok" result most imbot.v2 mutators return: {"result": true} inside result.</summary>
internal static class Ok
{
    public static JsonObject Result() => new() { ["result"] = true };
}
