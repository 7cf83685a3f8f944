namespace ChatBotHost.Tests.Rest;

/// <summary>One HTTP request the test portal received: a plain call or a batch of named commands.</summary>
internal sealed record RestRequest(string Method, IReadOnlyList<RestRequestCommand> Commands, bool Halt)
{
    public bool IsBatch => Method == "batch";
}
