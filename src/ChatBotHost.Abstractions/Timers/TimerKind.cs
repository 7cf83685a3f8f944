namespace ChatBotHost.Abstractions.Timers;

/// <summary>What set a timer.</summary>
public enum TimerKind
{
    /// <summary>A dialog's inactivity timer or a prompt's timeout; handled by the dialog engine.</summary>
    Dialog,

    /// <summary>A message scheduled with <see cref="ITimers.ScheduleMessageAsync"/>; the host sends it.</summary>
    Message,

    /// <summary>A callback scheduled with <see cref="ITimers.ScheduleAsync"/>; routed to <c>bot.OnTimer(name)</c>.</summary>
    Callback,

    /// <summary>A recurring job declared with <c>bot.Every(name, cron)</c>.</summary>
    Cron,
}
