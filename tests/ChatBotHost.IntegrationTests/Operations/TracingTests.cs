using System.Diagnostics;
using ChatBotHost.Bots.Echo;
using ChatBotHost.Emulator;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.Tests.Support;
using OpenTelemetry.Trace;

namespace ChatBotHost.IntegrationTests.Operations;

/// <summary>
/// One webhook event is one trace: the request, its intake, its turn (after a round trip through the Redis inbox) and the
/// reply the turn sent, each the parent of the next; the webhook secret in the request's path never reaches a span.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class TracingTests(RedisFixture redis)
{
    private const string MessageSend = "imbot.v2.Chat.Message.send";

    [Fact]
    public async Task WebhookEvent_IsOneTrace_IntakeThenTurnThenTheReply()
    {
        await redis.Server.FlushAsync();
        var spans = new List<Activity>();
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis.Server.ConfigurationString, "webhook");
        settings.Services = services => services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        settings.Set("OTEL_TRACES_SAMPLER", "always_on"); // the host records nothing when no exporter is configured

        string portal, secret;
        await using (var host = await InProcessHost.StartAsync(settings, typeof(EchoBot)))
        {
            portal = host.Bot("echo").Portal.Key;
            secret = host.Bot("echo").Registration!.WebhookSecret;
            var chat = new Chat(emulator, "echo");
            await chat.SayAsync("hello trace");
            await chat.ExpectAsync("You said: hello trace");
            // Stopped before reading: the reply's span ends after the portal has answered it, and shutdown waits for it.
            await host.StopAsync();
        }

        // Other hosts in this process use the same source; this host's spans are those of its own portal.
        var ours = spans.Where(s => Equals(s.GetTagItem("chatbothost.portal"), portal)).ToArray();
        var intakes = ours.Where(s => s.DisplayName == "intake").ToArray();
        var turns = ours.Where(s => s.DisplayName == "turn").ToArray();
        var sends = ours.Where(s => s.DisplayName == MessageSend).ToArray();
        Assert.NotEmpty(intakes);
        Assert.NotEmpty(sends);

        // Every delivery is its own trace: the webhook request, its intake, its one turn, the replies of that turn.
        Assert.Equal(intakes.Length, intakes.Select(i => i.TraceId).Distinct().Count());
        foreach (var intake in intakes)
        {
            Assert.Equal("webhook", intake.GetTagItem("chatbothost.source"));
            var request = Assert.Single(spans, s => s.SpanId == intake.ParentSpanId);
            Assert.Equal(ActivityKind.Server, request.Kind);
            Assert.Equal(intake.TraceId, request.TraceId);
            var turn = Assert.Single(turns, t => t.ParentSpanId == intake.SpanId);
            Assert.Equal(intake.TraceId, turn.TraceId);
        }

        Assert.Equal(intakes.Length, turns.Length);
        Assert.All(turns, t => Assert.Equal("Handled", t.GetTagItem("chatbothost.turn.outcome")));
        foreach (var send in sends)
        {
            var turn = Assert.Single(turns, t => t.SpanId == send.ParentSpanId);
            Assert.Equal(turn.TraceId, send.TraceId);
            Assert.Equal(ActivityKind.Client, send.Kind);
            Assert.NotEqual(ActivityStatusCode.Error, send.Status);
        }

        // The request spans carry the webhook path: masked, never the secret.
        var leaks = spans.SelectMany(s => s.TagObjects.Select(t => $"{s.DisplayName} {t.Key}={t.Value}"))
            .Where(t => t.Contains(secret, StringComparison.Ordinal)).ToArray();
        Assert.True(leaks.Length == 0, "The webhook secret in a span:\n" + string.Join('\n', leaks));
    }
}
