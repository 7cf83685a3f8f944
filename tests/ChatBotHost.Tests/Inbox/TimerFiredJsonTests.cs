using ChatBotHost.Abstractions.Timers;
using ChatBotHost.Bitrix.Entities;
using ChatBotHost.Bitrix.Events;
using ChatBotHost.Inbox;

namespace ChatBotHost.Tests.Inbox;

public sealed class TimerFiredJsonTests
{
    [Fact]
    public void Deserialize_SerializedTimer_GivesTheSameTimerForTheBotItRunsAs()
    {
        var bot = new BotInfo { Id = 12, Code = "reminder" };
        var timer = new TimerFired
        {
            Source = EventSource.Internal,
            Date = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
            Bot = bot,
            Kind = TimerKind.Message,
            Name = "remind",
            TimerId = "t:1}{",
            DueAt = new DateTimeOffset(2026, 1, 2, 3, 4, 0, TimeSpan.FromHours(2)),
            Payload = """{"message":"Привет, \"мир\""}""",
            TargetDialogId = "chat42",
            Language = "de",
        };

        var read = TimerFiredJson.Deserialize(TimerFiredJson.Serialize(timer), bot);

        Assert.Equal(timer, read);
        Assert.Equal(timer.DeduplicationKey, read.DeduplicationKey);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"kind":"Sometimes"}""")]
    public void Deserialize_NotATimer_ThrowsEventDecodingException(string json)
    {
        Assert.Throws<EventDecodingException>(() => TimerFiredJson.Deserialize(json, new BotInfo()));
    }
}
