namespace ChatBotHost.Confirmation;

/// <summary>Maps the ONAPPMETHODCONFIRM handler: {PublicUrl}/bitrix/method-confirm.</summary>
internal static class MethodConfirmEndpoints
{
    public const string Path = "/bitrix/method-confirm";

    public static IEndpointRouteBuilder MapMethodConfirmEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, (HttpContext http, MethodConfirmIntake intake) => intake.ReceiveAsync(http));
        return app;
    }
}
