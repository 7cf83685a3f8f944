using ChatBotHost.Bitrix.Client;
using ChatBotHost.State;

namespace ChatBotHost.OAuth;

/// <summary>
/// One portal's access token for every client of this replica (spec §1.2). The token is cached; a 401 expired_token
/// leads here once. Refreshing is single-flight across replicas: whoever takes the Redis lease refreshes and saves
/// the new pair in one write; the others wait for a different access token to appear in the store and use it.
/// Never refreshed on a timer or per call; the keep-alive job only touches portals idle for months.
/// </summary>
internal sealed partial class PortalTokens(OAuthPortal portal, TokenRefreshContext context) : ITokenProvider, IDisposable
{
    private static readonly TimeSpan LeaseTtl = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(50);
    private readonly SemaphoreSlim _local = new(1, 1);
    private volatile AccessToken? _current;

    /// <summary>The access token in use, if one was loaded (for the log redactor; never logged).</summary>
    public AccessToken? Current => _current;

    public async ValueTask<AccessToken> GetAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current)
        {
            return current;
        }

        var stored = await context.Tokens.GetAsync(portal.MemberId, cancellationToken)
            ?? throw new InvalidOperationException($"Portal {portal.Key} has no OAuth tokens; the application must be installed again.");
        return Adopt(stored);
    }

    public async ValueTask<AccessToken?> RefreshAsync(AccessToken expired, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expired);
        await _local.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } current && current.Value != expired.Value)
            {
                return current; // refreshed by another call of this replica meanwhile
            }

            return await RefreshAcrossReplicasAsync(expired.Value, cancellationToken);
        }
        finally
        {
            _local.Release();
        }
    }

    /// <summary>The keep-alive: refreshes when the pair is older than <paramref name="age"/>; true when it did.</summary>
    public async Task<bool> RefreshIfOlderThanAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        var stored = await context.Tokens.GetAsync(portal.MemberId, cancellationToken);
        if (stored is null || context.Time.GetUtcNow() - stored.RefreshedAt < age)
        {
            return false;
        }

        return await RefreshAsync(Adopt(stored), cancellationToken) is not null;
    }

    /// <summary>Takes an access token delivered with an event (data.bot.auth) when it outlives the stored one.</summary>
    public async Task OfferAsync(string accessToken, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        if (await context.Tokens.OfferAccessTokenAsync(portal.MemberId, accessToken, expiresAt, cancellationToken))
        {
            _current = new AccessToken(accessToken, portal.ClientEndpoint);
        }
    }

    private async Task<AccessToken?> RefreshAcrossReplicasAsync(string expired, CancellationToken cancellationToken)
    {
        var lease = $"oauth-refresh/{portal.Key}";
        var owner = Guid.NewGuid().ToString("N");
        var deadline = context.Time.GetUtcNow() + context.Options.RefreshWait;
        while (true)
        {
            var stored = await context.Tokens.GetAsync(portal.MemberId, cancellationToken);
            if (stored is null)
            {
                return null; // uninstalled
            }

            if (stored.AccessToken != expired)
            {
                return Adopt(stored); // another replica refreshed (or an event brought a fresher token)
            }

            if (await context.Leases.TryAcquireAsync(lease, owner, LeaseTtl, cancellationToken))
            {
                try
                {
                    return await RefreshHoldingLeaseAsync(expired, cancellationToken);
                }
                finally
                {
                    await context.Leases.ReleaseAsync(lease, owner, CancellationToken.None);
                }
            }

            if (context.Time.GetUtcNow() > deadline)
            {
                LogWaitTimedOut(context.Logger, portal.Key);
                return null;
            }

            await Task.Delay(PollDelay, context.Time, cancellationToken);
        }
    }

    private async Task<AccessToken?> RefreshHoldingLeaseAsync(string expired, CancellationToken cancellationToken)
    {
        // Checked again under the lease: the holder before us may have saved a new pair just now.
        var stored = await context.Tokens.GetAsync(portal.MemberId, cancellationToken);
        if (stored is null || stored.AccessToken != expired)
        {
            return stored is null ? null : Adopt(stored);
        }

        try
        {
            var grant = await context.Server.RefreshAsync(stored.RefreshToken, cancellationToken);
            var tokens = new OAuthTokens(grant.AccessToken, grant.RefreshToken, grant.ExpiresAt, context.Time.GetUtcNow());
            await context.Tokens.SaveAsync(portal.MemberId, tokens, CancellationToken.None);
            LogRefreshed(context.Logger, portal.Key, grant.ExpiresAt);
            return Adopt(tokens);
        }
        catch (OAuthGrantException ex) when (ex.Error == OAuthGrantException.InvalidGrant)
        {
            LogInvalidGrant(context.Logger, portal.Key);
            await context.MarkNeedsReinstallAsync(portal.MemberId, "invalid_grant: the refresh token was refused", CancellationToken.None);
            return null;
        }
        catch (OAuthGrantException ex)
        {
            LogRefreshFailed(context.Logger, portal.Key, ex.Error);
            return null;
        }
    }

    public void Dispose() => _local.Dispose();

    private AccessToken Adopt(OAuthTokens tokens)
    {
        var token = new AccessToken(tokens.AccessToken, portal.ClientEndpoint);
        _current = token;
        return token;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Portal {Portal}: OAuth tokens refreshed; the access token expires {ExpiresAt}")]
    private static partial void LogRefreshed(ILogger logger, string portal, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: the OAuth server refused the refresh token (invalid_grant); the application must be installed again on that portal")]
    private static partial void LogInvalidGrant(ILogger logger, string portal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: refreshing the OAuth tokens failed ({Error})")]
    private static partial void LogRefreshFailed(ILogger logger, string portal, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portal {Portal}: another replica's token refresh did not finish in time")]
    private static partial void LogWaitTimedOut(ILogger logger, string portal);
}
