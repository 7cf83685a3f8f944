namespace ChatBotHost.Bitrix.Requests;

/// <summary>What most imbot.v2 mutators return: <c>{"result":{"result":true}}</c>.</summary>
public sealed record OkResult
{
    /// <summary>True when the portal did what was asked.</summary>
    public bool Result { get; init; }
}
