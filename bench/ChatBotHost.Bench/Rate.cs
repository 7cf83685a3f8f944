namespace ChatBotHost.Bench;

/// <summary>Events per second over a measurement window, and the portal's refusals during it.</summary>
internal readonly record struct Rate(double PerSecond, long Refused);
