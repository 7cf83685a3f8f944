using ChatBotHost.Registration;

namespace ChatBotHost.Intake.Webhook;

/// <summary>Maps the URL Bitrix24 posts webhook-mode events to: {PublicUrl}/bitrix/events/{botCode}/{secret}.</summary>
internal static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(WebhookAddress.RoutePrefix + "/{botCode}/{secret}", (HttpContext http, string botCode, string secret, WebhookIntake intake) =>
            intake.AcceptAsync(http, portal: null, botCode, secret));
        app.MapPost(WebhookAddress.RoutePrefix + "/{portal}/{botCode}/{secret}", (HttpContext http, string portal, string botCode, string secret, WebhookIntake intake) =>
            intake.AcceptAsync(http, portal, botCode, secret));
        return app;
    }
}
