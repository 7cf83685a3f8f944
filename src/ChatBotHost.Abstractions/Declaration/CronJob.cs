namespace ChatBotHost.Abstractions.Declaration;

/// <summary>
/// A recurring job of a bot: a Quartz cron expression (seconds first, e.g. "0 0 9 ? * MON-FRI") in a time zone.
/// Every replica schedules it; each occurrence is handled once.
/// </summary>
public sealed record CronJob(string Name, string Expression, TimeZoneInfo TimeZone);
