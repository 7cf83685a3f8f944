using ChatBotHost.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Moq;

namespace ChatBotHost.Tests.Hosting;

public sealed class ChatPageAddressTests
{
    [Theory]
    [InlineData("http://localhost:5080", "http://localhost:5080/emulator/")]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234/emulator/")]
    [InlineData("http://[::]:8080", "http://localhost:8080/emulator/")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080/emulator/")]
    [InlineData("http://+:8080", "http://localhost:8080/emulator/")]
    [InlineData("http://*:8080", "http://localhost:8080/emulator/")]
    public void From_ListeningAddress_NamesThePageABrowserCanOpen(string listening, string expected)
    {
        Assert.Equal(new Uri(expected), ChatPageAddress.From(Server(listening)));
    }

    [Fact]
    public void From_HttpsAndHttp_PrefersPlainHttp()
    {
        Assert.Equal(new Uri("http://localhost:5000/emulator/"), ChatPageAddress.From(Server("https://localhost:5001", "http://localhost:5000")));
    }

    [Fact]
    public void From_NoAddressYet_IsNull()
    {
        Assert.Null(ChatPageAddress.From(Server()));
    }

    private static IServer Server(params string[] addresses)
    {
        var feature = new ServerAddressesFeature();
        foreach (var address in addresses)
        {
            feature.Addresses.Add(address);
        }

        var features = new FeatureCollection();
        features.Set<IServerAddressesFeature>(feature);
        var server = new Mock<IServer>();
        server.Setup(s => s.Features).Returns(features);
        return server.Object;
    }
}
