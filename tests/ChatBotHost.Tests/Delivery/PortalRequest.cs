namespace ChatBotHost.Tests.Delivery;

/// <summary>One HTTP request the fake portal received: a plain call, or a batch of calls.</summary>
internal sealed record PortalRequest(string Method, IReadOnlyList<PortalCall> Calls, bool Halt = false)
{
    public bool IsBatch => Method == "batch";
}
