using ChatBotHost.Bitrix.Client;
using ChatBotHost.Delivery;
using ChatBotHost.Emulator.Faults;
using ChatBotHost.Operations.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatBotHost.Tests.Delivery;

/// <summary>OVERLOAD_LIMIT and PORTAL_DELETED: the replica stops calling the portal, probes it now and then, and says so in health.</summary>
public sealed class PortalSuspensionTests
{
    private const string Revision = PipelineBed.Revision;

    [Theory]
    [InlineData(503, BitrixErrors.OverloadLimit)]
    [InlineData(500, BitrixErrors.PortalDeleted)]
    public async Task Call_PortalRefusesAllRest_SuspendsItAndLaterCallsFailWithoutARequest(int status, string code)
    {
        await using var bed = await PipelineBed.StartAsync();
        bed.Emulator.Portal.Faults.FailNext(1, Fault.Error(status, code, "blocked"), Revision);

        var first = await Assert.ThrowsAsync<PortalSuspendedException>(() => bed.CallAsync());
        var second = await Assert.ThrowsAsync<PortalSuspendedException>(() => bed.CallAsync());

        Assert.Equal((code, "blocked"), (first.Error, first.Description));
        Assert.Equal(code, second.Error);
        Assert.Equal(bed.Clock.GetUtcNow() + PortalSuspensions.FirstPause, second.ProbeAt);
        Assert.Equal(1, bed.Revisions);
        Assert.True(bed.Suspensions.IsSuspended(bed.Connection.Key));
    }

    [Fact]
    public async Task Call_AfterThePause_OneProbeGoesAndItsSuccessResumesThePortal()
    {
        await using var bed = await PipelineBed.StartAsync();
        bed.Emulator.Portal.Faults.FailNext(1, Fault.Error(503, BitrixErrors.OverloadLimit), Revision);
        await Assert.ThrowsAsync<PortalSuspendedException>(() => bed.CallAsync());

        bed.Clock.Advance(PortalSuspensions.FirstPause);

        Assert.NotNull(await bed.CallAsync());
        Assert.False(bed.Suspensions.IsSuspended(bed.Connection.Key));
        Assert.NotNull(await bed.CallAsync());
        Assert.Equal(3, bed.Revisions);
    }

    [Fact]
    public async Task Call_ProbeRefusedAgain_DoublesThePause()
    {
        await using var bed = await PipelineBed.StartAsync();
        bed.Emulator.Portal.Faults.FailNext(2, Fault.Error(503, BitrixErrors.OverloadLimit), Revision);
        await Assert.ThrowsAsync<PortalSuspendedException>(() => bed.CallAsync());
        bed.Clock.Advance(PortalSuspensions.FirstPause);

        var probe = await Assert.ThrowsAsync<PortalSuspendedException>(() => bed.CallAsync());

        Assert.Equal(bed.Clock.GetUtcNow() + (2 * PortalSuspensions.FirstPause), probe.ProbeAt);
        Assert.Equal(2, bed.Revisions);
    }

    [Fact]
    public async Task HealthCheck_SuspendedPortal_IsDegradedWithACountPerCodeAndNoPortalName()
    {
        await using var bed = await PipelineBed.StartAsync();
        var check = new PortalSuspensionHealthCheck(bed.Suspensions);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        bed.Emulator.Portal.Faults.FailNext(1, Fault.Error(500, BitrixErrors.PortalDeleted), Revision);
        await Assert.ThrowsAsync<PortalSuspendedException>(() => bed.CallAsync());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal(new Dictionary<string, object> { [BitrixErrors.PortalDeleted] = 1 }, result.Data);
        Assert.DoesNotContain(bed.Connection.Key, result.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", result.Description, StringComparison.Ordinal);
    }
}
