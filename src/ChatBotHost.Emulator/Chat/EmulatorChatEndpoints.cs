using ChatBotHost.Emulator.Portal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ChatBotHost.Emulator.Chat;

/// <summary>Maps the emulator's chat page (a messenger for the emulated portal's user) into any web app.</summary>
public static class EmulatorChatEndpoints
{
    /// <summary>The path the page is served under: {host}/emulator/.</summary>
    public const string DefaultPrefix = "/emulator";

    /// <summary>
    /// Maps the page, its JSON API under {prefix}/api/ and its live stream, for the emulator's portal. The API takes
    /// JSON only (415 otherwise), so a cross-site form post cannot act as the portal's admin. <paramref name="notices"/>
    /// are lines the page shows in a banner while there are any (the host's: bots that do not compile).
    /// </summary>
    public static IEndpointRouteBuilder MapEmulatorChat(this IEndpointRouteBuilder endpoints, BitrixEmulator emulator, string prefix = DefaultPrefix, Func<IReadOnlyList<string>>? notices = null)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        return endpoints.MapEmulatorChat(emulator.Portal, prefix, notices);
    }

    /// <summary>
    /// Serves the page's icon at /favicon.ico as well: the page declares its icon, but a browser still asks the site's
    /// root for one (on the host's own pages, or from an older tab), and a 404 there is noise in every log.
    /// </summary>
    public static IEndpointRouteBuilder MapEmulatorIcon(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/favicon.ico", (HttpContext http) => ChatAssets.Serve(http, "favicon.svg"));
        return endpoints;
    }

    /// <summary>Maps the page for a portal; the page acts as the portal's admin user.</summary>
    public static IEndpointRouteBuilder MapEmulatorChat(this IEndpointRouteBuilder endpoints, EmulatedPortal portal, string prefix = DefaultPrefix, Func<IReadOnlyList<string>>? notices = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(portal);
        portal.State.Activity.Enable();
        var api = new ChatApi(portal);
        var files = new ChatFileApi(portal);
        var confirmations = new ConfirmationApi(portal);
        var stream = new ActivityStream(portal.State.Activity, portal.Stopping);
        var page = endpoints.MapGroup(prefix.TrimEnd('/'));

        // Relative asset URLs need the trailing slash: /emulator → /emulator/.
        page.MapGet("/", (HttpContext http) => http.Request.Path.Value?.EndsWith('/') == true
            ? ChatAssets.Serve(http, "index.html")
            : Results.Redirect(http.Request.PathBase + http.Request.Path + "/"));
        page.MapGet("/{file}", (HttpContext http, string file) => ChatAssets.Serve(http, file));

        var apiGroup = page.MapGroup("/api");
        apiGroup.AddEndpointFilter(async (context, next) => ChatRequestBody.HasAcceptableType(context.HttpContext.Request)
            ? await next(context)
            : ChatApi.Problem("The chat API takes JSON only (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType));
        apiGroup.MapGet("/dialogs", api.DialogsAsync);
        apiGroup.MapPost("/dialogs/{dialogId}/open", api.OpenAsync);
        apiGroup.MapGet("/dialogs/{dialogId}/messages", api.Messages);
        apiGroup.MapPost("/dialogs/{dialogId}/messages", (string dialogId, HttpRequest request) => api.SendAsync(dialogId, request));
        apiGroup.MapPost("/dialogs/{dialogId}/files", (string dialogId, HttpRequest request) => files.SendAsync(dialogId, request));
        apiGroup.MapGet("/files/{fileId:int}", files.Open);
        apiGroup.MapPut("/messages/{messageId:int}", (int messageId, HttpRequest request) => api.EditAsync(messageId, request));
        apiGroup.MapDelete("/messages/{messageId:int}", api.DeleteAsync);
        apiGroup.MapPost("/messages/{messageId:int}/reactions", (int messageId, HttpRequest request) => api.ReactAsync(messageId, request));
        apiGroup.MapPost("/messages/{messageId:int}/press", (int messageId, HttpRequest request) => api.PressAsync(messageId, request));
        apiGroup.MapGet("/confirmations", confirmations.List);
        apiGroup.MapPost("/confirmations/{id:int}", (int id, HttpRequest request) => confirmations.DecideAsync(id, request));
        apiGroup.MapGet("/notices", () => Results.Json(new { notices = notices?.Invoke() ?? [] }));
        // A live stream never ends by itself: the host's request timeout must not cut it.
        apiGroup.MapGet("/activity", stream.StreamAsync).DisableRequestTimeout();
        return endpoints;
    }
}
