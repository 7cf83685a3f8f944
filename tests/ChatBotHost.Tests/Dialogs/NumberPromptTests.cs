using System.Globalization;
using ChatBotHost.Abstractions.Dialogs;
using ChatBotHost.Abstractions.Prompts;
using ChatBotHost.Tests.Dialogs.Flows;
using ChatBotHost.Tests.Dialogs.Support;

namespace ChatBotHost.Tests.Dialogs;

public sealed class NumberPromptTests
{
    private const string Question = "How many?";

    [Fact]
    public async Task Ask_UnreadableOutOfRangeAndInvalid_SaysWhyAndAsksAgain()
    {
        await using var host = NestedDialogHost.Create();

        await host.Conversation()
            .Command("/number").ExpectReply(Question)
            .Send("lots").ExpectReply($"Please enter a number.\n{Question}")
            .Send("0").ExpectReply($"Please enter a number from 1 to 10.\n{Question}")
            .Send("3").ExpectReply($"Please pick an even number.\n{Question}")
            .ExpectDialog<NumberDialog>();
    }

    [Fact]
    public async Task Ask_ValidAfterRefusals_StoresTheNumberAndContinues()
    {
        await using var host = NestedDialogHost.Create();

        await host.Conversation()
            .Command("/number").ExpectReply(Question)
            .Send("3").ExpectReplyContaining("even")
            .Send(" 8 ").ExpectReply("Got 8")
            .ExpectNoDialog()
            .ExpectNoMoreReplies();

        Assert.Equal(["NumberDialog ended Completed"], host.DialogLog());
    }

    [Fact]
    public async Task Ask_MaxAttemptsExhausted_EndsWithNoValidAnswerAndNothingContinues()
    {
        await using var host = NestedDialogHost.Create();
        var user = host.Conversation().Command("/number").ExpectReply(Question);
        for (var attempt = 1; attempt < NumberDialog.Attempts; attempt++)
        {
            await user.Send("3").ExpectReplyContaining("even");
        }

        await user.Send("3").ExpectNoMoreReplies().ExpectNoDialog();

        Assert.Equal(["NumberDialog ended NoValidAnswer"], host.DialogLog());
    }

    [Fact]
    public async Task Ask_MaxAttemptsExhaustedInChild_ParentContinuesWithNoValidAnswer()
    {
        await using var host = NestedDialogHost.Create();
        var user = host.Conversation().Command("/count").ExpectReply(Question);
        for (var attempt = 1; attempt < NumberDialog.Attempts; attempt++)
        {
            await user.Send("many").ExpectReplyContaining(Question);
        }

        await user.Send("many").ExpectReply(ParentDialog.Resumed(DialogEndReason.NoValidAnswer, "no result"))
            .ExpectNoDialog()
            .ExpectNoMoreReplies();

        Assert.Equal(["NumberDialog ended NoValidAnswer", "ParentDialog ended Completed"], host.DialogLog());
    }

    [Theory]
    [InlineData("de", "4,0", "4.0")]
    [InlineData("de", "4.0", "4.0")]
    [InlineData("de", "1.5", "1.5")]
    [InlineData("de", "1.000", "1000")]
    [InlineData("de", "1.234,5", "1234.5")]
    [InlineData("en", "1.5", "1.5")]
    [InlineData("en", "1,000", "1000")]
    [InlineData("en", "-1,000.25", "-1000.25")]
    public void Recognize_InTheUsersCultureOrWithADecimalPoint_ReadsTheNumber(string language, string text, string expected)
    {
        var recognition = new NumberPrompt("How many?").Recognize(new PromptInput { Text = text }, CultureInfo.GetCultureInfo(language));

        Assert.True(recognition.Succeeded);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), recognition.Value);
    }

    [Theory]
    [InlineData("en", "1,5")]
    [InlineData("de", "1.2.3")]
    [InlineData("en", "12,34,567")]
    public void Recognize_GroupSeparatorNotBetweenThousands_IsRefused(string language, string text)
    {
        var recognition = new NumberPrompt("How many?").Recognize(new PromptInput { Text = text }, CultureInfo.GetCultureInfo(language));

        Assert.False(recognition.Succeeded);
    }
}
