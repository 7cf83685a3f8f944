using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Requests.Raw;

/// <summary>What both raw requests check and copy.</summary>
internal static class RawParameters
{
    public static string CheckMethod(string method)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        // The name becomes the last segment of the URL: a slash, query or fragment would address something else.
        if (method.AsSpan().IndexOfAny("/?#& ") >= 0)
        {
            throw new ArgumentException($"'{method}' is not a REST method name.", nameof(method));
        }

        return method;
    }

    // A copy: the caller may go on changing its object, and a retry must send what the first attempt sent.
    public static JsonObject Copy(JsonObject? parameters) => (JsonObject?)parameters?.DeepClone() ?? [];
}
