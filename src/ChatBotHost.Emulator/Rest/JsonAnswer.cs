using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ChatBotHost.Emulator.Rest;

/// <summary>Writes a REST answer as Bitrix24 does: a JSON body with the status.</summary>
internal static class JsonAnswer
{
    public static async Task WriteAsync(HttpContext http, int status, JsonObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    public static JsonObject Error(string code, string description) =>
        new() { ["error"] = code, ["error_description"] = description };
}
