using ChatBotHost.Inbox;

namespace ChatBotHost.Tests.Inbox;

public sealed class WebhookBodySanitizerTests
{
    [Fact]
    public void WithoutSecrets_FormBody_DropsTopLevelAuthAndTheBotsTokensOnly()
    {
        const string body = "event=ONIMBOTV2MESSAGEADD&data%5Bbot%5D%5Bid%5D=4&data%5Bbot%5D%5Bauth%5D%5Baccess_token%5D=secret1"
            + "&data%5Bmessage%5D%5Btext%5D=auth%5Bx%5D&auth%5Bapplication_token%5D=secret2&auth[domain]=p.example&ts=1";

        var cleaned = WebhookBodySanitizer.WithoutSecrets(body);

        Assert.Equal("event=ONIMBOTV2MESSAGEADD&data%5Bbot%5D%5Bid%5D=4&data%5Bmessage%5D%5Btext%5D=auth%5Bx%5D&ts=1", cleaned);
    }

    [Fact]
    public void WithoutSecrets_JsonBody_DropsTopLevelAuthAndTheBotsTokensOnly()
    {
        const string body = """{"event":"E","data":{"bot":{"id":4,"auth":{"access_token":"secret1"}},"auth":"kept"},"auth":{"application_token":"secret2"}}""";

        var cleaned = WebhookBodySanitizer.WithoutSecrets(body);

        Assert.Equal("""{"event":"E","data":{"bot":{"id":4},"auth":"kept"}}""", cleaned);
    }

    [Fact]
    public void WithoutSecrets_BrokenJson_KeepsNothing()
    {
        Assert.Equal("", WebhookBodySanitizer.WithoutSecrets("""{"auth":{"application_token":"secret" """));
    }
}
