using ChatBotHost.Bots.Reminder;

namespace ChatBotHost.Bots.Tests.Reminder;

public sealed class ReminderDelayTests
{
    [Theory]
    [InlineData("45s", 0, 0, 0, 45)]
    [InlineData("10m", 0, 0, 10, 0)]
    [InlineData("2h", 0, 2, 0, 0)]
    [InlineData("1d", 1, 0, 0, 0)]
    [InlineData("1h30m", 0, 1, 30, 0)]
    [InlineData("1d2h3m4s", 1, 2, 3, 4)]
    [InlineData("1D2H3M4S", 1, 2, 3, 4)]
    [InlineData("90m", 0, 1, 30, 0)]
    [InlineData("0s", 0, 0, 0, 0)]
    [InlineData("007m", 0, 0, 7, 0)]
    public void TryParse_UnitsInOrder_ReadsTheDelay(string text, int days, int hours, int minutes, int seconds)
    {
        Assert.True(ReminderDelay.TryParse(text, out var delay));
        Assert.Equal(new TimeSpan(days, hours, minutes, seconds), delay);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("m")]
    [InlineData("10x")]
    [InlineData("30m1h")]
    [InlineData("1m1m")]
    [InlineData("1h 30m")]
    [InlineData(" 10m")]
    [InlineData("-5m")]
    [InlineData("+5m")]
    [InlineData("1.5h")]
    [InlineData("1234567890123s")]
    [InlineData("１０m")]
    public void TryParse_NotADelay_ReturnsFalseAndZero(string? text)
    {
        Assert.False(ReminderDelay.TryParse(text, out var delay));
        Assert.Equal(TimeSpan.Zero, delay);
    }

    [Theory]
    [InlineData("999999999999d")]
    [InlineData("999999999999d999999999999h999999999999m999999999999s")]
    public void TryParse_BeyondWhatTimeSpanHolds_ReadsAsMaxValue(string text)
    {
        Assert.True(ReminderDelay.TryParse(text, out var delay));
        Assert.Equal(TimeSpan.MaxValue, delay);
    }

    [Fact]
    public void TryParse_JustPastTheMaximum_IsReadSoTheCallerCanSayTooLong()
    {
        Assert.True(ReminderDelay.TryParse("30d1s", out var delay));
        Assert.True(delay > ReminderDelay.Max);
    }

    [Theory]
    [InlineData(0, 0, 0, 1, "1 second")]
    [InlineData(0, 0, 0, 45, "45 seconds")]
    [InlineData(0, 0, 1, 0, "1 minute")]
    [InlineData(0, 1, 30, 0, "1 hour 30 minutes")]
    [InlineData(0, 2, 0, 5, "2 hours 5 seconds")]
    [InlineData(1, 0, 0, 0, "1 day")]
    [InlineData(30, 0, 0, 0, "30 days")]
    [InlineData(1, 2, 3, 4, "1 day 2 hours 3 minutes 4 seconds")]
    [InlineData(0, 0, 0, 0, "0 seconds")]
    public void Describe_Delay_NamesUnitsLargestFirstWithPlurals(int days, int hours, int minutes, int seconds, string expected)
    {
        Assert.Equal(expected, ReminderDelay.Describe(new TimeSpan(days, hours, minutes, seconds)));
    }

    [Fact]
    public void Describe_BelowASecond_IsZeroSeconds()
    {
        Assert.Equal("0 seconds", ReminderDelay.Describe(TimeSpan.FromMilliseconds(999)));
    }

    [Theory]
    [InlineData("1h30m")]
    [InlineData("2d5s")]
    [InlineData("59m59s")]
    public void Describe_OfAParsedDelay_SaysTheSameDuration(string text)
    {
        Assert.True(ReminderDelay.TryParse(text, out var delay));

        var words = ReminderDelay.Describe(delay).Split(' ');

        // "1 hour 30 minutes" → 1h30m: the description names exactly the units that were given.
        var compact = string.Concat(words.Chunk(2).Select(pair => pair[0] + pair[1][0]));
        Assert.Equal(text, compact);
    }

    [Fact]
    public void Max_IsThirtyDays()
    {
        Assert.Equal(TimeSpan.FromDays(30), ReminderDelay.Max);
    }
}
