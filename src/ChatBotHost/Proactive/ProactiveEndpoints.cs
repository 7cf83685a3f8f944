using System.Text.Json;
using ChatBotHost.Abstractions.Proactive;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Intake.Http;

namespace ChatBotHost.Proactive;

/// <summary>
/// POST /api/bots/{botCode}/messages: other systems (CRM robots, monitoring) make a bot speak. Mapped only when
/// ChatBotHost:Api:Key is set, so without a key the path is a plain 404. The key is checked before the body is read,
/// and the body's size before it is parsed.
/// </summary>
internal static class ProactiveEndpoints
{
    public const string Path = "/api/bots/{botCode}/messages";

    /// <summary>The most a body may be: the longest text taken, every character escaped as \uXXXX, and the other fields.</summary>
    public const long MaxBodyBytes = InboxBotMessenger.MaxTextLength * 6 + 4096;

    private const int MaxIdempotencyKeyLength = 200;

    public static IEndpointRouteBuilder MapProactiveEndpoints(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<ApiKeyCheck>().IsEnabled)
        {
            app.MapPost(Path, ReceiveAsync);
        }

        return app;
    }

    private static async Task<IResult> ReceiveAsync(string botCode, HttpContext http, ApiKeyCheck keys, IBotMessenger messenger)
    {
        if (!keys.IsValid(http.Request))
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new { error = "A valid API key is required: Authorization: Bearer <ChatBotHost:Api:Key>." }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var idempotencyKey = http.Request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length > MaxIdempotencyKeyLength)
        {
            return Problem($"Idempotency-Key is longer than {MaxIdempotencyKeyLength} characters.");
        }

        // Too large a body is refused here with 413 (BodyRejectionMiddleware), before it is parsed.
        var body = await RequestBodyReader.ReadAsync(http, MaxBodyBytes);
        ProactiveRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ProactiveRequest>(body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return Problem("The body must be a JSON object: {\"dialogId\": \"...\", \"message\": \"...\"}.");
        }

        if (request?.DialogId is null || request.Message is null)
        {
            return Problem("The body must name dialogId and message.");
        }

        try
        {
            var id = await messenger.SendAsync(
                new ProactiveMessage
                {
                    BotCode = botCode,
                    DialogId = request.DialogId,
                    Message = new MessageFields { Message = request.Message },
                    MemberId = string.IsNullOrEmpty(request.MemberId) ? null : request.MemberId,
                    IdempotencyKey = idempotencyKey.Length > 0 ? idempotencyKey : null,
                },
                http.RequestAborted);
            return Results.Json(new { id }, statusCode: StatusCodes.Status202Accepted);
        }
        catch (BotMessengerException e)
        {
            return e.BotNotFound
                ? Results.Json(new { error = e.Message }, statusCode: StatusCodes.Status404NotFound)
                : Problem(e.Message);
        }
    }

    private static IResult Problem(string error) => Results.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);
}
