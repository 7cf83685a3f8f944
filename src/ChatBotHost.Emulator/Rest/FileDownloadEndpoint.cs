using ChatBotHost.Emulator.Portal;
using Microsoft.AspNetCore.Http;

namespace ChatBotHost.Emulator.Rest;

/// <summary>GET {portal}/rest/download.json?token=…: the bytes of the file a File.download token opens, once.</summary>
internal sealed class FileDownloadEndpoint(EmulatedPortal portal)
{
    public IResult Handle(string? token)
    {
        EmulatedFile? file = null;
        lock (portal.State.Gate)
        {
            // One-time: the spec does not promise a token works twice, so the emulator makes sure nothing relies on it.
            if (token is not null && portal.State.DownloadTokens.Remove(token, out var id))
            {
                file = portal.State.Files.GetValueOrDefault(id);
            }
        }

        return file is null
            ? Results.NotFound()
            : Results.File(file.Content, "application/octet-stream", file.Name);
    }
}
