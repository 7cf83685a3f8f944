namespace ChatBotHost.Abstractions.Localization;

/// <summary>The prompts' own wording, in the languages the host ships; a prompt's RetryText overrides these.</summary>
public static class PromptTexts
{
    /// <summary>Asked again after an empty or unreadable text answer.</summary>
    public static LocalizedText NeedText { get; } = new(
        ("en", "Please write your answer."), ("de", "Bitte schreiben Sie Ihre Antwort."), ("ru", "Пожалуйста, напишите ответ."));

    /// <summary>Asked again when a text answer is too long; {0} is the limit.</summary>
    public static LocalizedText TooLong { get; } = new(
        ("en", "Please keep it to {0} characters."), ("de", "Bitte höchstens {0} Zeichen."), ("ru", "Пожалуйста, не больше {0} символов."));

    /// <summary>Asked again when a number was expected.</summary>
    public static LocalizedText NeedNumber { get; } = new(
        ("en", "Please enter a number."), ("de", "Bitte geben Sie eine Zahl ein."), ("ru", "Пожалуйста, введите число."));

    /// <summary>Asked again when a number is outside its range; {0} and {1} are the bounds.</summary>
    public static LocalizedText NumberOutOfRange { get; } = new(
        ("en", "Please enter a number from {0} to {1}."),
        ("de", "Bitte geben Sie eine Zahl von {0} bis {1} ein."),
        ("ru", "Пожалуйста, введите число от {0} до {1}."));

    /// <summary>Asked again when the answer is none of the choices.</summary>
    public static LocalizedText NeedChoice { get; } = new(
        ("en", "Please choose one of the options."), ("de", "Bitte wählen Sie eine der Optionen."), ("ru", "Пожалуйста, выберите один из вариантов."));

    /// <summary>Asked again when a date and time was expected; {0} is an example in the user's format.</summary>
    public static LocalizedText NeedDateTime { get; } = new(
        ("en", "Please enter a date and time, for example {0}."),
        ("de", "Bitte geben Sie Datum und Uhrzeit ein, zum Beispiel {0}."),
        ("ru", "Пожалуйста, введите дату и время, например {0}."));

    /// <summary>Asked again after the question went unanswered for its timeout.</summary>
    public static LocalizedText StillWaiting { get; } = new(
        ("en", "I am still waiting for your answer."), ("de", "Ich warte noch auf Ihre Antwort."), ("ru", "Я всё ещё жду вашего ответа."));

    /// <summary>The label of the yes button.</summary>
    public static LocalizedText Yes { get; } = new(("en", "Yes"), ("de", "Ja"), ("ru", "Да"));

    /// <summary>The label of the no button.</summary>
    public static LocalizedText No { get; } = new(("en", "No"), ("de", "Nein"), ("ru", "Нет"));

    /// <summary>Told when a button of a question that is no longer open is pressed.</summary>
    public static LocalizedText QuestionClosed { get; } = new(
        ("en", "That question is no longer open."), ("de", "Diese Frage ist nicht mehr offen."), ("ru", "Этот вопрос уже закрыт."));
}
