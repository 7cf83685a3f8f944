using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Requests.Batch;
using ChatBotHost.Bitrix.Requests.Raw;

namespace ChatBotHost.Rest;

/// <summary>The two kinds of request an author batch is made of, as its caller sends them (through the outbox).</summary>
internal interface IRestRequests
{
    /// <summary>Sends one command on its own, keeping next/total for a list method.</summary>
    Task<RawPage> SendAloneAsync(string method, JsonObject parameters, CancellationToken cancellationToken);

    /// <summary>Sends up to 50 commands as one batch request; <paramref name="hasEffect"/> asks for an idempotency key.</summary>
    Task<BatchResult> SendBatchAsync(BatchRequest batch, bool hasEffect, CancellationToken cancellationToken);
}
