using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.IntegrationTests.Hostile;

/// <summary>The suite's own parts, without a host: generation is reproducible, hostile bodies are what they claim, the verdict catches what it must.</summary>
public sealed class HostileCasesTests
{
    private const string RealToken = "real-installation-token-0123456789";
    private static readonly WebhookIdentity Bot = new(42, "bot-application-token", null);

    [Fact]
    public void Create_SameSeedAndId_GivesTheSameRequest_AnotherSeedAnother()
    {
        var first = Cases(7);
        var again = Cases(7);
        var other = Cases(8);

        var differs = false;
        for (var id = 0; id < 300; id++)
        {
            var a = first.Create(id);
            var b = again.Create(id);
            Assert.Equal(a.Kind, b.Kind);
            Assert.Equal(a.Url, b.Url);
            Assert.Equal(a.Body?.Bytes, b.Body?.Bytes);
            differs |= !Equals(a.Url, other.Create(id).Url);
        }

        Assert.True(differs);
    }

    [Fact]
    public void Truncated_UninstallWithTheRealToken_NeverHoldsAllOfIt()
    {
        var forms = new FormBodies(Genuine());
        var target = Target("uninstall", TargetFamily.Uninstall) with { RealUninstallToken = RealToken };
        for (var id = 0; id < 500; id++)
        {
            var body = forms.Truncated(target, new Random(id), id);
            var form = PhpForm.Decode(Encoding.UTF8.GetString(body.Bytes));
            Assert.NotEqual(RealToken, (form["auth"] as JsonObject)?["application_token"]?.ToString());
            Assert.Null(body.Marker);
        }
    }

    [Fact]
    public void DeepKeys_AreNestedDeeperThanPhpAllows_AndMayNeverBeHandled()
    {
        var forms = new FormBodies(Genuine());
        for (var id = 0; id < 100; id++)
        {
            var body = forms.DeepKeys(Target("webhook", TargetFamily.Webhook), new Random(id), id);
            var text = Encoding.UTF8.GetString(body.Bytes);
            var levels = Math.Max(Count(text, "[a]"), Count(text, "%5Ba%5D"));
            Assert.True(levels > 64, $"case {id}: {levels} levels");
            Assert.Null(body.Marker);
            Assert.DoesNotContain(200, body.Allowed);
        }
    }

    [Fact]
    public void CheckHandled_ATextNoAcceptedBodyCarries_IsAViolation_AnAcceptedMarkerIsNot()
    {
        var handled = new HandledEvents();
        handled.Add(new HandledEvent(MessageAdded.WireType, "H000005 and more"));
        handled.Add(new HandledEvent(MessageAdded.WireType, "H000006"));
        handled.Add(new HandledEvent(MessageAdded.WireType, "V00001w"));
        var valid = new[] { new ValidEvent("V00001w", "test", handled, 200, MustBeHandled: true) };
        HostileOutcome[] outcomes = [Outcome(5, 200, "H000005"), Outcome(6, 400, "H000006")];

        var verdict = new HostileVerdict();
        verdict.CheckHandled("host", handled, outcomes, valid);

        var violation = Assert.Single(verdict.Violations);
        Assert.Contains("H000006", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckHandled_AValidMessageAnswered503ButHandled_IsAViolation()
    {
        var handled = new HandledEvents();
        handled.Add(new HandledEvent(MessageAdded.WireType, "V00002d"));
        var valid = new[] { new ValidEvent("V00002d", "direct post", handled, 503, MustBeHandled: false) };

        var verdict = new HostileVerdict();
        verdict.CheckHandled("host", handled, [], valid);

        Assert.Contains("answered 503", Assert.Single(verdict.Violations), StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOutcomes_A500OutsideTheOutage_AndA503DuringIt()
    {
        var verdict = new HostileVerdict();
        verdict.CheckOutcomes([Outcome(1, 500, null), Outcome(2, 503, null) with { DuringOutage = true }]);

        Assert.Contains("case 1", Assert.Single(verdict.Violations), StringComparison.Ordinal);
    }

    private static HostileCases Cases(int seed)
    {
        var targets = new[]
        {
            Target("webhook", TargetFamily.Webhook), Target("install", TargetFamily.Install),
            Target("uninstall", TargetFamily.Uninstall) with { RealUninstallToken = RealToken }, Target("chat-send", TargetFamily.Chat),
            Target("health-live", TargetFamily.Operations) with { Method = HttpMethod.Get },
        };
        return new HostileCases(Genuine(), targets, seed);
    }

    private static GenuineForms Genuine() => new(new JsonObject
    {
        ["domain"] = "portal.example",
        ["server_endpoint"] = "https://oauth.example/rest/",
        ["client_endpoint"] = "https://portal.example/rest/",
        ["member_id"] = "member-1",
    });

    private static HostileTarget Target(string name, TargetFamily family) =>
        new(name, HttpMethod.Post, new Uri($"http://127.0.0.1:9/{name}"), family, family == TargetFamily.Webhook ? Bot : null);

    private static HostileOutcome Outcome(int id, int status, string? marker) => new(
        id, "test", "webhook", status, "", TimeSpan.Zero, TimeSpan.Zero, 0, 0, Answers.Of(200, 400), marker, null, DuringOutage: false);

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
