using System.Net;
using System.Text;
using System.Web;

namespace ChatBotHost.Tests.OAuth;

/// <summary>A scripted oauth.bitrix.info: counts refresh requests, can hold them, answers a new pair or invalid_grant.</summary>
internal sealed class OAuthTokenHandler : HttpMessageHandler
{
    private int _grants;

    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Hold { get; init; }

    public bool InvalidGrant { get; init; }

    public int Requests => Volatile.Read(ref _grants);

    public List<string> RefreshTokensSeen { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
        var number = Interlocked.Increment(ref _grants);
        lock (RefreshTokensSeen)
        {
            RefreshTokensSeen.Add(query["refresh_token"] ?? "");
        }

        Arrived.TrySetResult();
        if (Hold)
        {
            await Release.Task.WaitAsync(cancellationToken);
        }

        var json = InvalidGrant
            ? """{"error":"invalid_grant","error_description":"The refresh token is invalid"}"""
            : $$"""{"access_token":"access-{{number}}","refresh_token":"refresh-{{number}}","expires":1900000000,"expires_in":3600,"domain":"oauth.bitrix.info","member_id":"m"}""";
        return new HttpResponseMessage(InvalidGrant ? HttpStatusCode.BadRequest : HttpStatusCode.OK)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
    }
}
