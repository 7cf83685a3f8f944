namespace ChatBotHost.Bitrix.Requests.Revision;

/// <summary>The portal's revisions; <see cref="Rest"/> is the compatibility number (spec §8).</summary>
public sealed record RevisionGetResult
{
    /// <summary>REST API revision.</summary>
    public int Rest { get; init; }

    /// <summary>Web client revision.</summary>
    public int Web { get; init; }

    /// <summary>Mobile client revision.</summary>
    public int Mobile { get; init; }

    /// <summary>Desktop client revision.</summary>
    public int Desktop { get; init; }
}
