namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>One public endpoint the suite sends bodies to.</summary>
internal sealed record HostileTarget(string Name, HttpMethod Method, Uri Url, TargetFamily Family, WebhookIdentity? Bot = null, string? RealUninstallToken = null)
{
    /// <summary>Whether a JSON {"text": …} body is this route's genuine body (send, edit); reactions and presses take none.</summary>
    public bool TakesText { get; init; } = true;
}
