using System.Net;
using ChatBotHost.Abstractions.Files;
using ChatBotHost.Abstractions.Turns;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Requests.Files;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace ChatBotHost.Abstractions.Tests.Turns;

public class FileExtensionsTests
{
    private readonly Mock<IBitrixClient> _api = new();
    private readonly Mock<ITurnContext> _turn = new();

    public FileExtensionsTests()
    {
        _turn.SetupGet(t => t.Api).Returns(_api.Object);
        _turn.SetupGet(t => t.DialogId).Returns("chat5");
    }

    [Fact]
    public async Task DownloadFileAsync_AnnouncedOverTheLimit_IsRefusedBeforeAnyCall()
    {
        var file = new ChatFile { Id = 1, Name = "huge.iso", Size = FileExtensions.MaxBytes + 1 };

        var error = await Assert.ThrowsAsync<FileTooLargeException>(() => _turn.Object.DownloadFileAsync(file, CancellationToken.None));

        Assert.Contains("huge.iso", error.Message, StringComparison.Ordinal);
        Assert.Contains("100 MB", error.Message, StringComparison.Ordinal);
        _api.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DownloadFileAsync_ContentLengthOverTheLimit_IsRefusedWithoutReadingTheBody()
    {
        _api.Setup(a => a.CallAsync(It.IsAny<FileDownloadRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new FileDownloadResult { DownloadUrl = "http://portal.test/rest/download.json?token=imbot%7Cx" });
        UseHttp(new Announced(FileExtensions.MaxBytes + 1));

        await Assert.ThrowsAsync<FileTooLargeException>(() => _turn.Object.DownloadFileAsync(new ChatFile { Id = 1, Name = "a" }, CancellationToken.None));
    }

    [Fact]
    public async Task DownloadFileAsync_FailedGet_NamesTheStatusButNotTheUrl()
    {
        _api.Setup(a => a.CallAsync(It.IsAny<FileDownloadRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new FileDownloadResult { DownloadUrl = "http://portal.test/rest/download.json?token=imbot%7Csecret" });
        UseHttp(null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => _turn.Object.DownloadFileAsync(new ChatFile { Id = 1, Name = "a" }, CancellationToken.None));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendFileAsync_UploadsBase64IntoThisDialog()
    {
        FileUploadRequest? sent = null;
        _api.Setup(a => a.CallAsync(It.IsAny<FileUploadRequest>(), It.IsAny<CancellationToken>()))
            .Callback<Bitrix.Client.BitrixRequest<FileUploadResult>, CancellationToken>((r, _) => sent = (FileUploadRequest)r)
            .ReturnsAsync(new FileUploadResult { MessageId = 9 });

        var result = await _turn.Object.SendFileAsync("a.txt", "hi"u8.ToArray(), CancellationToken.None, text: "here");

        Assert.Equal(9, result.MessageId);
        Assert.Equal(("chat5", "a.txt", "aGk=", "here"), (sent!.DialogId, sent.Fields.Name, sent.Fields.Content, sent.Fields.Message));
    }

    private void UseHttp(HttpContent? content)
    {
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(FileExtensions.HttpClientName)).Returns(() => new HttpClient(new Answering(content)));
        var services = new ServiceCollection().AddSingleton(factory.Object).BuildServiceProvider();
        _turn.SetupGet(t => t.Services).Returns(services);
    }

    private sealed class Answering(HttpContent? content) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(content is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    }

    // Announces a length it never sends: the check must come from the header alone.
    private sealed class Announced(long length) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            throw new InvalidOperationException("The body was read.");

        protected override bool TryComputeLength(out long length1)
        {
            length1 = length;
            return true;
        }
    }
}
