using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatBotHost.Bitrix.Tests.Client;

/// <summary>An HttpMessageHandler that records every request and answers from a script.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _answers = new();

    public List<RecordedRequest> Requests { get; } = [];

    public RecordingHandler Answer(HttpStatusCode status, string body, string mediaType = "application/json")
    {
        _answers.Enqueue(_ => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) });
        return this;
    }

    public RecordingHandler AnswerResult(string resultJson) =>
        Answer(HttpStatusCode.OK, $$"""{"time":{"start":1.5,"finish":1.6,"duration":0.1},"result":{{resultJson}}}""");

    public RecordingHandler Throw(Exception exception)
    {
        _answers.Enqueue(_ => throw exception);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Headers.ToString(), request.Content?.Headers.ContentType?.ToString(), body));
        cancellationToken.ThrowIfCancellationRequested();
        if (!_answers.TryDequeue(out var answer))
        {
            throw new InvalidOperationException("The test scripted no answer for this request.");
        }

        return answer(request);
    }
}

/// <summary>What the client sent.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string Headers, string? ContentType, string Body)
{
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();
}
