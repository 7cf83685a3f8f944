using System.Diagnostics.Metrics;
using System.Net;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;
using ChatBotHost.Operations.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatBotHost.Tests.Delivery;

/// <summary>The suspensions gauge: one series per code, never one per portal.</summary>
public sealed class PortalSuspensionMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void Collect_SuspendedPortals_AreCountedPerCodeWithoutPortalLabels()
    {
        var meters = _services.GetRequiredService<IMeterFactory>();
        var exporter = new PrometheusExporter(meters);
        var suspensions = new PortalSuspensions(new FakeTimeProvider(), NullLogger<PortalSuspensions>.Instance, new HostMetrics(meters));
        suspensions.Suspend("oauth.member-one", new BitrixApiException(BitrixErrors.OverloadLimit, "blocked", HttpStatusCode.ServiceUnavailable));
        suspensions.Suspend("oauth.member-two", new BitrixApiException(BitrixErrors.OverloadLimit, "blocked", HttpStatusCode.ServiceUnavailable));
        suspensions.Suspend("portal.example", new BitrixApiException(BitrixErrors.PortalDeleted, "gone", HttpStatusCode.InternalServerError));

        var text = exporter.Collect();

        Assert.Contains("chatbothost_portals_suspended{code=\"OVERLOAD_LIMIT\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("chatbothost_portals_suspended{code=\"PORTAL_DELETED\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("member-one", text, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();
}
