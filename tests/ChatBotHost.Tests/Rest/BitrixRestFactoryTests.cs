using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Hosting;
using ChatBotHost.Rest;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.Tests.Rest;

/// <summary>The REST API outside a turn: effects are keyed only under a scope the caller gives.</summary>
public sealed class BitrixRestFactoryTests
{
    [Fact]
    public async Task ForWebhookPortal_SameScopeTwice_AddsTheLeadOnce_WithoutScope_Twice()
    {
        var portal = new RestPortal();
        await using var bed = new RestBed(portal);
        var factory = Factory(bed);

        await factory.ForWebhookPortal(new RestScope { IdempotencyScope = "job:daily:2026-12-05" }).CallAsync("crm.lead.add", null, CancellationToken.None);
        await factory.ForWebhookPortal(new RestScope { IdempotencyScope = "job:daily:2026-12-05" }).CallAsync("crm.lead.add", null, CancellationToken.None);
        await factory.ForWebhookPortal().CallAsync("crm.lead.add", null, CancellationToken.None);
        await factory.ForWebhookPortal().CallAsync("crm.lead.add", null, CancellationToken.None);

        Assert.Equal(3, portal.Requests.Count);
    }

    [Fact]
    public async Task ForWebhookPortal_BotNotRegisteredYet_WaitsForIt()
    {
        var portal = new RestPortal();
        await using var bed = new RestBed(portal, ready: false);
        var call = Factory(bed).ForWebhookPortal().CallAsync("user.current", null, CancellationToken.None);
        await Task.Yield();
        Assert.False(call.IsCompleted);

        bed.Bot.MarkReady();

        await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(portal.Requests);
    }

    [Fact]
    public async Task ForApplicationPortal_UnknownMemberId_IsRefused()
    {
        await using var bed = new RestBed(new RestPortal());

        Assert.Throws<InvalidOperationException>(() => Factory(bed).ForApplicationPortal("no-such-member"));
        Assert.Empty(Factory(bed).ApplicationPortals);
    }

    [Fact]
    public async Task ForWebhookPortal_UnknownBotCode_FailsTheCall()
    {
        await using var bed = new RestBed(new RestPortal());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Factory(bed).ForWebhookPortal(new RestScope { BotCode = "nobody" }).CallAsync("user.current", null, CancellationToken.None));
    }

    private static BitrixRestFactory Factory(RestBed bed) =>
        new(new BotDirectory([bed.Bot]), bed.SendQueue, new ServiceCollection().BuildServiceProvider());
}
