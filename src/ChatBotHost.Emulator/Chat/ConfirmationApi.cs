using System.Text.Json.Nodes;
using ChatBotHost.Emulator.OAuth;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.Emulator.Shaping;
using Microsoft.AspNetCore.Http;

namespace ChatBotHost.Emulator.Chat;

/// <summary>
/// The administrator's side of method confirmation on the chat page: the requests the application's calls made, and
/// the Allow/Deny decision, which POSTs ONAPPMETHODCONFIRM to the application (as the portal's notification does).
/// </summary>
internal sealed class ConfirmationApi(EmulatedPortal portal)
{
    public IResult List()
    {
        var requests = new JsonArray();
        foreach (var request in portal.Confirmations)
        {
            requests.Add(new JsonObject
            {
                ["id"] = request.Id,
                ["method"] = request.Method,
                ["userId"] = request.UserId,
                ["userName"] = portal.FindUser(request.UserId)?.Name ?? "",
                ["requestedAt"] = WireDate.Format(request.RequestedAt),
                ["state"] = State(request.State),
            });
        }

        return Results.Text(new JsonObject { ["confirmations"] = requests }.ToJsonString(), "application/json");
    }

    /// <summary>{"allow": true|false}; answers {"handlerStatus": N} (null when the application bound no handler).</summary>
    public async Task<IResult> DecideAsync(int id, HttpRequest request)
    {
        try
        {
            var body = await ChatRequestBody.ReadAsync(request);
            if (body["allow"] is not JsonValue value || !value.TryGetValue(out bool allow))
            {
                return ChatApi.Problem("Say {\"allow\": true} or {\"allow\": false}.");
            }

            var status = await portal.DecideConfirmationAsync(id, allow, request.HttpContext.RequestAborted);
            return Results.Text(new JsonObject { ["handlerStatus"] = status }.ToJsonString(), "application/json");
        }
        catch (ChatRequestException refused)
        {
            return ChatApi.Problem(refused.Message, refused.StatusCode);
        }
        catch (ArgumentException unknown)
        {
            return ChatApi.Problem(unknown.Message, StatusCodes.Status404NotFound);
        }
        catch (InvalidOperationException decided)
        {
            return ChatApi.Problem(decided.Message, StatusCodes.Status409Conflict);
        }
        catch (HttpRequestException unreachable)
        {
            // The decision stands; only the event did not reach the application (as a lost event would on Bitrix24).
            return ChatApi.Problem($"Decided, but ONAPPMETHODCONFIRM could not be delivered: {unreachable.Message}", StatusCodes.Status502BadGateway);
        }
    }

    private static string State(ConfirmationState state) => state switch
    {
        ConfirmationState.Allowed => "allowed",
        ConfirmationState.Denied => "denied",
        _ => "pending",
    };
}
