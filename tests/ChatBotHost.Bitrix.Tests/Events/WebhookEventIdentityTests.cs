using System.Globalization;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Bitrix.Tests.Fixtures;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Bitrix.Tests.Events;

/// <summary>
/// Two webhook deliveries are one event only when they are the same body: every press, edit and message is its own
/// event, whatever ids it shares with another. The ids alone used to be the key and merged them.
/// </summary>
public class WebhookEventIdentityTests
{
    private const long Ts = 1736930040;

    [Fact]
    public void SameButtonPressedTwice_OnOneMessage_IsTwoEvents() =>
        AssertDistinct(Press(userId: 1, commandParams: "yes", ts: Ts), Press(userId: 1, commandParams: "yes", ts: Ts + 1));

    [Fact]
    public void SameButtonPressedByTwoUsers_IsTwoEvents() =>
        AssertDistinct(Press(userId: 1, commandParams: "yes", ts: Ts), Press(userId: 2, commandParams: "yes", ts: Ts));

    [Fact]
    public void OneButtonWithOtherParams_OnOneMessage_IsTwoEvents() =>
        AssertDistinct(Press(userId: 1, commandParams: "yes", ts: Ts), Press(userId: 1, commandParams: "no", ts: Ts));

    [Fact]
    public void EditsAToBToA_AreThreeEvents() =>
        AssertDistinct(Edit("A", Ts), Edit("B", Ts + 1), Edit("A", Ts + 2));

    [Fact]
    public void TwoMessagesWithOneId_AreTwoEvents_SoAForgedFutureIdMarksNothingGenuine() =>
        AssertDistinct(Message("forged", Ts), Message("genuine", Ts + 60));

    [Fact]
    public void ReplayedIdenticalBody_IsTheSameEvent()
    {
        var body = Press(userId: 1, commandParams: "yes", ts: Ts);

        Assert.Equal(Key(body), Key(body));
        Assert.Equal(Key(body), Key(new string(body.AsSpan())));
    }

    // The limit of keying by the body: Bitrix24 stamps ts in seconds, so the same user pressing the same button on the
    // same message twice within one second sends two identical bodies, and the second press is taken for a replay.
    [Fact]
    public void SameButtonPressedTwiceWithinOneSecond_IsIndistinguishableFromAReplay() =>
        Assert.Equal(Key(Press(userId: 1, commandParams: "yes", ts: Ts)), Key(Press(userId: 1, commandParams: "yes", ts: Ts)));

    private static void AssertDistinct(params string[] bodies)
    {
        var keys = bodies.Select(Key).ToArray();

        Assert.Equal(keys.Length, keys.Distinct(StringComparer.Ordinal).Count());
    }

    private static string Key(string body) => WebhookEventDecoder.Decode(body, FixtureFiles.FormContentType).Event.DeduplicationKey;

    private static string Press(int userId, string commandParams, long ts) => Variant("ONIMBOTV2COMMANDADD", ts, data =>
    {
        data["command"]!["params"] = commandParams;
        data["user"]!["id"] = userId.ToString(CultureInfo.InvariantCulture);
    });

    private static string Edit(string text, long ts) => Variant("ONIMBOTV2MESSAGEUPDATE", ts, data => data["message"]!["text"] = text);

    private static string Message(string text, long ts) => Variant("ONIMBOTV2MESSAGEADD", ts, data => data["message"]!["text"] = text);

    // A real fixture with a few fields changed, written again as http_build_query writes it.
    private static string Variant(string type, long ts, Action<JsonObject> change)
    {
        var tree = PhpForm.Decode(FixtureFiles.WebhookForm(type));
        change(tree["data"]!.AsObject());
        tree["ts"] = ts.ToString(CultureInfo.InvariantCulture);
        return PhpForm.Encode(tree);
    }
}
