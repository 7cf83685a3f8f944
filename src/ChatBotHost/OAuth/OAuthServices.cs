namespace ChatBotHost.OAuth;

/// <summary>Registers application (OAuth) mode; its services stay idle until ChatBotHost:OAuth:ClientId is set.</summary>
internal static class OAuthServices
{
    public static IServiceCollection AddOAuthApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddKeyRingProtection(configuration);
        services.AddOAuthServerHttpClient();
        services.AddSingleton<OAuthServerClient>();
        services.AddSingleton<TokenRefreshContext>();
        services.AddSingleton<GuardedHttpClients>();
        services.AddSingleton<OAuthPortalFactory>();
        services.AddSingleton<PortalSyncSignal>();
        services.AddSingleton<InstallVerifier>();
        services.AddSingleton<InstallAttempts>();
        services.AddSingleton<AppInstallerContext>();
        services.AddSingleton<AppInstaller>();
        services.AddSingleton<ApplicationEventAuth>();
        services.AddSingleton<OAuthPortalRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<OAuthPortalRunner>());
        services.AddTransient<TokenKeepAliveJob>();
        services.AddHostedService<TokenKeepAliveScheduling>();
        return services;
    }
}
