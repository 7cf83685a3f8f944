using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Requests.Raw;

/// <summary>A request whose parameters are given as JSON rather than as properties.</summary>
public interface IRawRequest
{
    /// <summary>The parameters as sent.</summary>
    JsonObject Parameters { get; }
}
