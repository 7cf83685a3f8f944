using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Requests.Batch;

/// <summary>One sub-call of a batch: its id, method and unauthorized parameters.</summary>
internal sealed record BatchCall(string Id, string Method, JsonObject Parameters);
