namespace ChatBotHost.Abstractions.Dialogs;

/// <summary>Why a dialog ended.</summary>
public enum DialogEndReason
{
    /// <summary>It ran out of steps or a step ended it with a result.</summary>
    Completed,

    /// <summary>A step or an interruption (such as /cancel) cancelled it.</summary>
    Cancelled,

    /// <summary>An inactivity handler cancelled it because the user stopped answering.</summary>
    TimedOut,

    /// <summary>A prompt got no valid answer within its attempts.</summary>
    NoValidAnswer,

    /// <summary>Another dialog took its place.</summary>
    Replaced,
}
