using ChatBotHost.Dialogs;
using Quartz;

namespace ChatBotHost.Scheduling;

/// <summary>Registers timers, dialogs and the Quartz scheduler that fires them.</summary>
internal static class SchedulingServices
{
    public static IServiceCollection AddTimersAndDialogs(this IServiceCollection services)
    {
        services.AddDialogEngine();
        services.AddQuartz(q => q.UseInMemoryStore());
        services.AddTransient<DueTimersJob>();
        services.AddTransient<CronOccurrenceJob>();
        // One instance: the bots folder reschedules a reloaded bot's cron jobs on the running scheduler.
        services.AddSingleton<TimerScheduling>();
        services.AddHostedService(sp => sp.GetRequiredService<TimerScheduling>());
        services.AddHostedService<CronMisfireCatchUp>();
        return services;
    }

    /// <summary>The dialog engine and the timer dispatcher without Quartz; the test kit drives the dispatcher itself.</summary>
    public static IServiceCollection AddDialogEngine(this IServiceCollection services)
    {
        services.AddSingleton<DialogTimers>();
        services.AddSingleton<TextFieldSwitch>();
        services.AddSingleton<DueTimerDispatcher>();
        return services;
    }
}
