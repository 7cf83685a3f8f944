using System.Globalization;
using ChatBotHost.Operations.Logging;
using Serilog.Events;
using Serilog.Parsing;

namespace ChatBotHost.Tests.Hosting;

public sealed class SecretMaskTests
{
    private readonly SecretValues _values = new();

    [Theory]
    [InlineData("https://portal.example/rest/1/abcd1234efgh5678/imbot.v2.Bot.list", "https://portal.example/rest/1/***/imbot.v2.Bot.list")]
    [InlineData("POST /bitrix/events/echo/0123456789abcdef0123 done", "POST /bitrix/events/echo/*** done")]
    [InlineData("POST /bitrix/events/portal.example/echo/0123456789abcdef0123 done", "POST /bitrix/events/portal.example/echo/*** done")]
    [InlineData("POST /bitrix/events/{botCode}/{secret} done", "POST /bitrix/events/{botCode}/{secret} done")]
    [InlineData("auth%5Bapplication_token%5D=831cabcdef&ts=1", "auth%5Bapplication_token%5D=***&ts=1")]
    [InlineData("{\"access_token\":\"a1b2c3d4e5\",\"refresh_token\": \"zz99yy88\"}", "{\"access_token\":\"***\",\"refresh_token\": \"***\"}")]
    [InlineData("botToken=secret-value-1", "botToken=***")]
    [InlineData("OAuth: refreshing tokens", "OAuth: refreshing tokens")]
    public void Apply_SecretShapes_AreMasked(string text, string expected) =>
        Assert.Equal(expected, new SecretMask(_values).Apply(text));

    [Fact]
    public void Apply_KnownValueAnywhere_IsMasked()
    {
        _values.Add(() => ["tok-1234567890", null, "short"]);
        var mask = new SecretMask(_values);

        Assert.Equal("before *** after short", mask.Apply("before tok-1234567890 after short"));
    }

    [Fact]
    public void Apply_TextWithoutSecrets_ReturnsTheSameInstance()
    {
        var text = "Polling events for bot echo";
        Assert.Same(text, new SecretMask(_values).Apply(text));
    }

    [Fact]
    public void Enrich_NestedPropertyValues_AreMasked()
    {
        _values.Add(() => ["tok-1234567890"]);
        var enricher = new RedactionEnricher(new SecretMask(_values));
        var logEvent = new LogEvent(
            DateTimeOffset.UnixEpoch,
            LogEventLevel.Information,
            null,
            new MessageTemplateParser().Parse("{A} {B}"),
            [
                new LogEventProperty("A", new ScalarValue("x tok-1234567890")),
                new LogEventProperty("B", new SequenceValue([new StructureValue([new LogEventProperty("Url", new ScalarValue(new Uri("http://h/rest/1/codecodecode/")))])])),
            ]);

        enricher.Enrich(logEvent, null!);

        var rendered = logEvent.RenderMessage(CultureInfo.InvariantCulture);
        Assert.DoesNotContain("tok-1234567890", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("codecodecode", rendered, StringComparison.Ordinal);
    }
}
