using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace ChatBotHost.Emulator.Chat;

/// <summary>
/// What the chat API reads: JSON only, small and flat (size, depth and number of values capped). The page acts as the portal's admin, so a request a browser
/// could send cross-site without asking (a form post: urlencoded, multipart or text/plain) must never be acted on; a
/// JSON content type makes the browser ask first (CORS preflight), which this API never grants.
/// </summary>
internal static class ChatRequestBody
{
    /// <summary>A message is at most 20,000 characters (up to 3 UTF-8 bytes each, more when escaped): 256 KiB is ample.</summary>
    public const long MaxBytes = 256 * 1024;

    /// <summary>The API's bodies are flat objects ({"text": …}, {"command": …, "params": …}).</summary>
    public const int MaxDepth = 4;

    /// <summary>The largest body has three fields; a body with more values than this is not the page's.</summary>
    public const int MaxValues = 16;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxDepth };

    /// <summary>Reading requests need no body; every other method must say its body is JSON, even an empty one.</summary>
    public static bool HasAcceptableType(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return true;
        }

        return MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <exception cref="ChatRequestException">413 over <see cref="MaxBytes"/>; 400 when it is not a JSON object within <see cref="MaxDepth"/>.</exception>
    public static Task<JsonObject> ReadAsync(HttpRequest request) => ReadAsync(request, MaxBytes);

    /// <summary>The same with another size cap (a file attached on the page travels as Base64 in the body).</summary>
    public static async Task<JsonObject> ReadAsync(HttpRequest request, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        // A body without a length is cut off by the server at the same size while it arrives.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, documentOptions: DocumentOptions, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw NotAnObject();
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }
        catch (JsonException)
        {
            // The parser's text quotes the body's path; the page only needs to know what is wrong.
            throw NotAnObject();
        }

        return CountValues(body) <= MaxValues
            ? body
            : throw new ChatRequestException(StatusCodes.Status400BadRequest, $"The body has more than {MaxValues} values.");
    }

    // Every node below the root, counted without recursion (the depth is bounded anyway, by MaxDepth).
    private static int CountValues(JsonObject root)
    {
        var count = 0;
        var pending = new Stack<JsonNode?>([root]);
        while (pending.TryPop(out var node) && count <= MaxValues)
        {
            var children = node switch
            {
                JsonObject obj => obj.Select(p => p.Value),
                JsonArray array => array,
                _ => [],
            };
            foreach (var child in children)
            {
                count++;
                pending.Push(child);
            }
        }

        return count;
    }

    private static ChatRequestException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"The body exceeds {maxBytes} bytes.");

    private static ChatRequestException NotAnObject() =>
        new(StatusCodes.Status400BadRequest, $"The body must be a JSON object nested at most {MaxDepth} levels deep.");
}
