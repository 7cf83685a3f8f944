using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;

namespace ChatBotHost.Intake.Http;

/// <summary>
/// Reads a request body into a string with a size cap enforced before any work: a Content-Length over the cap is refused
/// before a byte is read, and a body without one (chunked) is counted as it arrives and refused as soon as it passes
/// the cap. Every public endpoint that reads a body reads it here, so none of them decodes more than its cap.
/// </summary>
internal static class RequestBodyReader
{
    /// <summary>The whole body as UTF-8 text (a leading BOM dropped; invalid bytes become U+FFFD, as decoding always did).</summary>
    /// <exception cref="BodyRejectedException">413 when the body is larger than <paramref name="maxBytes"/>; the message is the reason.</exception>
    public static async Task<string> ReadAsync(HttpContext http, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > maxBytes)
        {
            throw BodyRejectedException.TooLarge(maxBytes);
        }

        // Kestrel then stops a chunked body at the cap itself, even if a reader further down forgot to count.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }

        try
        {
            // Straight from the request's pipe into one string: a StreamReader would allocate its buffers per request.
            var reader = http.Request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync(http.RequestAborted);
                if (read.Buffer.Length > maxBytes)
                {
                    reader.AdvanceTo(read.Buffer.End);
                    throw BodyRejectedException.TooLarge(maxBytes);
                }

                if (read.IsCompleted)
                {
                    var body = Encoding.UTF8.GetString(read.Buffer);
                    reader.AdvanceTo(read.Buffer.End);
                    return body.StartsWith('\uFEFF') ? body[1..] : body;
                }

                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's own message names its setting; ours names the cap this endpoint has.
            throw BodyRejectedException.TooLarge(maxBytes, ex);
        }
        catch (OperationCanceledException ex) when (http.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true)
        {
            // The sender kept the body coming just fast enough for Kestrel's data rate, but not within the request's time.
            throw new BodyRejectedException("The body did not arrive in time.", StatusCodes.Status408RequestTimeout, ex);
        }
    }
}
