namespace ChatBotHost.OAuth;

/// <summary>Maps the application's install and uninstall handlers: {PublicUrl}/bitrix/install and /bitrix/uninstall.</summary>
internal static class AppInstallEndpoints
{
    public const string InstallPath = "/bitrix/install";
    public const string UninstallPath = "/bitrix/uninstall";

    public static IEndpointRouteBuilder MapAppInstallEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(InstallPath, (HttpContext http, AppInstaller installer) => installer.InstallAsync(http));
        app.MapPost(UninstallPath, (HttpContext http, AppInstaller installer) => installer.UninstallAsync(http));
        return app;
    }
}
