using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;
using ChatBotHost.Tests.Operations.Metrics;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Delivery;

/// <summary>The suspensions gauge: one series per code, never one per portal.</summary>
public sealed class PortalSuspensionMetricsTests
{
    [Fact]
    public async Task Scrape_SuspendedPortals_AreCountedPerCodeWithoutPortalLabels()
    {
        await using var host = await MetricsScrapeHost.StartAsync();
        var suspensions = new PortalSuspensions(new FakeTimeProvider(), NullLogger<PortalSuspensions>.Instance, host.Metrics);
        suspensions.Suspend("oauth.member-one", new BitrixApiException(BitrixErrors.OverloadLimit, "blocked", HttpStatusCode.ServiceUnavailable));
        suspensions.Suspend("oauth.member-two", new BitrixApiException(BitrixErrors.OverloadLimit, "blocked", HttpStatusCode.ServiceUnavailable));
        suspensions.Suspend("portal.example", new BitrixApiException(BitrixErrors.PortalDeleted, "gone", HttpStatusCode.InternalServerError));

        var scrape = await host.ScrapeAsync();

        Assert.Equal("gauge", scrape.Types["chatbothost_portals_suspended"]);
        Assert.Equal(2, scrape.Value("chatbothost_portals_suspended", ("code", "OVERLOAD_LIMIT")));
        Assert.Equal(1, scrape.Value("chatbothost_portals_suspended", ("code", "PORTAL_DELETED")));
        Assert.DoesNotContain("member-one", scrape.Text, StringComparison.Ordinal);
    }
}
