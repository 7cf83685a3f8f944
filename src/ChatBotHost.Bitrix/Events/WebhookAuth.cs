namespace ChatBotHost.Bitrix.Events;

/// <summary>
/// The top-level auth of a webhook delivery (spec §1.3, §5.3): whose portal sent it, and the application_token
/// to verify it by. ToString never prints the token.
/// </summary>
/// <param name="Domain">The portal's domain.</param>
/// <param name="ClientEndpoint">The portal's REST base, e.g. https://portal/rest/.</param>
/// <param name="ServerEndpoint">The OAuth server's REST base.</param>
/// <param name="MemberId">The stable portal id, the tenant key.</param>
/// <param name="ApplicationToken">The per-installation secret to compare with the one learned at install.</param>
public sealed record WebhookAuth(string? Domain, string? ClientEndpoint, string? ServerEndpoint, string? MemberId, string? ApplicationToken)
{
    /// <summary>Prints the fields except the token, which shows only whether it is present.</summary>
    public override string ToString() =>
        $"WebhookAuth {{ Domain = {Domain}, ClientEndpoint = {ClientEndpoint}, ServerEndpoint = {ServerEndpoint}, "
        + $"MemberId = {MemberId}, ApplicationToken = {(ApplicationToken is null ? "(none)" : "(redacted)")} }}";
}
