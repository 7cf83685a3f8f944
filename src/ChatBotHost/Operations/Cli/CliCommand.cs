namespace ChatBotHost.Operations.Cli;

/// <summary>
/// One management command from the command line: what to do (<see cref="Verb"/>, e.g. "bots list"), its options, and the
/// remaining arguments, which are configuration (--ChatBotHost:Redis:Configuration=…) as for the host.
/// </summary>
internal sealed record CliCommand(string Verb, string? BotCode, string? Portal, int? Count, IReadOnlyList<string> ConfigurationArgs)
{
    public const string BotsList = "bots list";
    public const string BotsRegister = "bots register";
    public const string BotsUnregister = "bots unregister";
    public const string InboxStatus = "inbox status";
    public const string DeadLettersList = "deadletters list";
    public const string DeadLettersReplay = "deadletters replay";
    public const string Help = "help";

    /// <summary>The command line without the settings: what another process needs to run the same command.</summary>
    public IReadOnlyList<string> CommandArguments()
    {
        List<string> args = [.. Verb.Split(' ')];
        if (BotCode is not null)
        {
            args.Add(BotCode);
        }

        if (Portal is not null)
        {
            args.AddRange(["--portal", Portal]);
        }

        if (Count is { } count)
        {
            args.AddRange(["--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        return args;
    }
}
