using System.Globalization;
using ChatBotHost.Abstractions.Localization;
using ChatBotHost.Abstractions.Messages;
using ChatBotHost.Bitrix.Requests.Messages;

namespace ChatBotHost.Abstractions.Prompts;

/// <summary>
/// Asks the user to pick one of several options, shown as keyboard buttons. A press arrives as the hidden
/// <see cref="AnswerButton.Command"/>; typing a label or its number answers too, unless the text field is turned off.
/// </summary>
public class ChoicePrompt<T> : Prompt<T>
{
    /// <summary>Creates the prompt with its question and options.</summary>
    public ChoicePrompt(LocalizedText question, IReadOnlyList<Choice<T>> choices)
        : base(question)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0)
        {
            throw new ArgumentException("A choice prompt needs at least one option.", nameof(choices));
        }

        Choices = choices;
    }

    /// <summary>The options, in button order.</summary>
    public IReadOnlyList<Choice<T>> Choices { get; }

    /// <summary>How many buttons share a row; 0 puts all of them in one row.</summary>
    public int ButtonsPerRow { get; init; }

    /// <summary>Turns the chat's text field off while the question waits, so only the buttons answer it.</summary>
    public bool DisableTextField { get; init; }

    /// <inheritdoc />
    public override bool DisablesTextField => DisableTextField;

    /// <inheritdoc />
    protected override MessageFields Decorate(MessageFields message, PromptRendering rendering)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(rendering);
        var keyboard = new Keyboard();
        for (var i = 0; i < Choices.Count; i++)
        {
            if (i > 0 && ButtonsPerRow > 0 && i % ButtonsPerRow == 0)
            {
                keyboard.NewLine();
            }

            // BLOCK=Y greys the buttons out after one press, so a question is not answered twice from one keyboard.
            var value = i.ToString(CultureInfo.InvariantCulture);
            keyboard.Command(
                Choices[i].Label.In(rendering.Culture),
                AnswerButton.Command,
                AnswerButton.Params(rendering.Token, value),
                b => b with { Block = true });
        }

        return message with { Keyboard = keyboard.ToJson(rendering.BotId) };
    }

    /// <inheritdoc />
    protected override bool TryParse(PromptInput input, CultureInfo culture, out T value, out LocalizedText reason)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(culture);
        reason = PromptTexts.NeedChoice;
        var index = input.PressedValue is { } pressed ? ParseIndex(pressed) : Match(input.Text?.Trim() ?? "", culture);
        value = index is { } i ? Choices[i].Value : default!;
        return index is not null;
    }

    private int? ParseIndex(string pressed) =>
        int.TryParse(pressed, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < Choices.Count ? i : null;

    // A typed answer may be the label (in any language it is given in) or the option's number counted from 1.
    private int? Match(string text, CultureInfo culture)
    {
        if (text.Length == 0)
        {
            return null;
        }

        for (var i = 0; i < Choices.Count; i++)
        {
            if (string.Equals(Choices[i].Label.In(culture), text, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= Choices.Count
            ? number - 1
            : null;
    }
}
