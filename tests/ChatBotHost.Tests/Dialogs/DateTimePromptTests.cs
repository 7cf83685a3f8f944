using ChatBotHost.Testing;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class DateTimePromptTests
{
    [Theory]
    [InlineData("2026-11-25 14:30")]
    [InlineData("2026-11-25T14:30")]
    [InlineData("  2026-11-25 14:30:00  ")]
    public async Task Ask_IsoWithoutOffset_ReadsTimeInUtc(string answer)
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/when").ExpectReply("When?")
            .Send(answer).ExpectReply("At 2026-11-25 14:30 +00:00 = 2026-11-25 14:30Z");
    }

    [Fact]
    public async Task Ask_IsoWithOffset_KeepsTheInstant()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/when").ExpectReply("When?")
            .Send("2026-11-25T14:30:00+05:00").ExpectReplyContaining("= 2026-11-25 09:30Z");
    }

    [Fact]
    public async Task Ask_TimeWithoutOffsetAndPromptTimeZone_TakesTheTimeInThatZone()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/berlin").ExpectReply("When?")
            .Send("2026-11-25 14:30").ExpectReply("At 2026-11-25 14:30 +01:00 = 2026-11-25 13:30Z")
            .Command("/berlin").ExpectReply("When?")
            .Send("2026-07-01 14:30").ExpectReply("At 2026-07-01 14:30 +02:00 = 2026-07-01 12:30Z");
    }

    [Fact]
    public async Task Ask_EnglishCultureFormat_IsRead()
    {
        await using var host = Host();

        await host.Conversation()
            .Command("/when").ExpectReply("When?")
            .Send("11/25/2026 2:30 PM").ExpectReply("At 2026-11-25 14:30 +00:00 = 2026-11-25 14:30Z");
    }

    [Fact]
    public async Task Ask_GermanCultureFormat_IsRead()
    {
        await using var host = Host(o => o.Language = "de");

        await host.Conversation()
            .Command("/when").ExpectReply("Wann?")
            .Send("25.11.2026 14:30").ExpectReply("At 2026-11-25 14:30 +00:00 = 2026-11-25 14:30Z");
    }

    [Fact]
    public async Task Ask_Unreadable_GivesAnExampleInTheUsersFormat()
    {
        await using var host = Host(o => o.Language = "de");

        await host.Conversation()
            .Command("/when").ExpectReply("Wann?")
            .Send("bald").ExpectReply("Bitte geben Sie Datum und Uhrzeit ein, zum Beispiel 25.11.2026 14:30.\nWann?");
    }

    private static BotTestHost Host(Action<BotTestOptions>? configure = null) => DialogTestHost.Create(
        bot => bot.Dialog<DateDialog>().Starts<DateDialog>("when").Starts<DateDialog>("berlin", "Europe/Berlin"),
        configure);
}
