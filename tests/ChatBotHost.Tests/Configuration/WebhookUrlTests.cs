using ChatBotHost.Configuration;

namespace ChatBotHost.Tests.Configuration;

public sealed class WebhookUrlTests
{
    [Theory]
    [InlineData("https://portal.bitrix24.com/rest/1/abc123/")]
    [InlineData("https://portal.bitrix24.com/rest/1/abc123")]
    [InlineData("  https://portal.bitrix24.com/rest/1/abc123  ")]
    [InlineData("https://portal.bitrix24.com/rest/1/abc123/?x=1")]
    public void TryParse_ValidForms_NormalizeToOneBaseWithTrailingSlash(string value)
    {
        Assert.True(WebhookUrl.TryParse(value, out var baseUrl, out _));
        Assert.Equal("https://portal.bitrix24.com/rest/1/abc123/", baseUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("ftp://portal.bitrix24.com/rest/1/abc123/")]
    [InlineData("/rest/1/abc123/")]
    [InlineData("https://portal.bitrix24.com/rest/abc/abc123/")]
    [InlineData("https://portal.bitrix24.com/rest/1/")]
    [InlineData("https://portal.bitrix24.com/rest/1/abc123/profile.json")]
    public void TryParse_NotAWebhookBase_FailsWithReason(string value)
    {
        Assert.False(WebhookUrl.TryParse(value, out var baseUrl, out var reason));
        Assert.Null(baseUrl);
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Theory]
    [InlineData("https://portal.bitrix24.com/rest/1/c/", "portal.bitrix24.com")]
    [InlineData("http://portal.bitrix24.com:80/rest/1/c/", "portal.bitrix24.com")]
    [InlineData("http://localhost:8080/rest/1/c/", "localhost:8080")]
    [InlineData("https://portal.example.com:8443/rest/1/c/", "portal.example.com:8443")]
    public void PortalKey_IncludesThePortOnlyWhenNotDefault(string url, string expected)
    {
        Assert.Equal(expected, WebhookUrl.PortalKey(new Uri(url)));
    }
}
