namespace ChatBotHost.Bitrix.Requests.Notify;

/// <summary>The error codes of the im.notify.* methods, to compare with <c>BitrixApiException.Error</c>.</summary>
public static class ImNotifyErrors
{
    /// <summary>im.notify.confirm / answer: ID missing or not a number.</summary>
    public const string IdError = "ID_ERROR";

    /// <summary>im.notify.confirm: NOTIFY_VALUE missing or empty.</summary>
    public const string NotifyValueError = "NOTIFY_VALUE_ERROR";

    /// <summary>im.notify.answer: ANSWER_TEXT missing or empty.</summary>
    public const string AnswerTextError = "ANSWER_TEXT_ERROR";

    /// <summary>im.notify.system.add / personal.add: USER_ID missing or not positive.</summary>
    public const string UserIdEmpty = "USER_ID_EMPTY";

    /// <summary>im.notify.system.add / personal.add: no text.</summary>
    public const string MessageEmpty = "MESSAGE_EMPTY";

    /// <summary>im.notify.delete / read.list: none of the required parameters.</summary>
    public const string ParamsError = "PARAMS_ERROR";
}
