using System.Globalization;

namespace ChatBotHost.Operations.Cli;

/// <summary>Reads the command line: a management command, help, or nothing (then the host runs).</summary>
internal static class CliParser
{
    public const string Usage = """
        Usage: ChatBotHost [command] [options] [--Setting:Key=value ...]

        Without a command the host runs. Commands use the host's configuration (appsettings, environment, arguments)
        but start neither the web server nor the workers. With no portal configured (local mode) they are run by the
        local-mode host running on this machine for this user (start it first: dotnet run --project src/ChatBotHost):

          bots list                     declared bots, their registration here and their state on the portal
          bots register <code>          registers the bot (and its commands) on the portal now
          bots unregister <code>        removes the bot from the portal and forgets its registration
          inbox status                  fetch offset of each bot and inbox depth of each portal
          deadletters list [--portal P] [--count N]
                                        dead letters, newest first (default 20)
          deadletters replay [--portal P] [--count N]
                                        puts up to N dead-lettered events (default all) back into their dialog's inbox
          --healthcheck [url]           asks a running host's /health/live (for container health checks)
          help, --help, -h              this text

        Exit codes: 0 done, 1 failed or nothing to do, 2 bad command line or configuration.
        """;

    private static readonly string[] Groups = ["bots", "inbox", "deadletters", "help", "--help", "-h"];

    /// <summary>True when the arguments name a management command (or ask for help) rather than running the host.</summary>
    public static bool IsCommand(IReadOnlyList<string> args) =>
        args.Count > 0 && Groups.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    /// <summary>The command, or null with the reason when the command line makes no sense.</summary>
    public static CliCommand? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var first = args.Count > 0 ? args[0].ToLowerInvariant() : "";
        if (first is "help" or "--help" or "-h")
        {
            return new CliCommand(CliCommand.Help, null, null, null, []);
        }

        var verb = args.Count > 1 ? $"{first} {args[1].ToLowerInvariant()}" : first;
        var rest = args.Skip(2).ToList();
        string? code = null;
        if (verb is CliCommand.BotsRegister or CliCommand.BotsUnregister)
        {
            if (rest.Count == 0 || rest[0].StartsWith('-'))
            {
                error = $"'{verb}' needs a bot code.";
                return null;
            }

            code = rest[0];
            rest.RemoveAt(0);
        }
        else if (verb is not (CliCommand.BotsList or CliCommand.InboxStatus or CliCommand.DeadLettersList or CliCommand.DeadLettersReplay))
        {
            error = $"Unknown command '{string.Join(' ', args.Take(2))}'.";
            return null;
        }

        var portal = Take(rest, "--portal");
        var countText = Take(rest, "--count");
        int? count = null;
        if (countText is not null)
        {
            if (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
            {
                error = $"--count must be a positive number, not '{countText}'.";
                return null;
            }

            count = n;
        }

        if (rest.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) || !a.Contains(':', StringComparison.Ordinal)) is { } stray
            && !IsValueOfPrevious(rest, stray))
        {
            error = $"Unexpected argument '{stray}' (settings are given as --Section:Key=value).";
            return null;
        }

        return new CliCommand(verb, code, portal, count, rest);
    }

    // "--portal x" or "--portal=x"; removed from the list so the rest is configuration.
    private static string? Take(List<string> args, string option)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith(option + "=", StringComparison.OrdinalIgnoreCase))
            {
                var value = args[i][(option.Length + 1)..];
                args.RemoveAt(i);
                return value;
            }

            if (string.Equals(args[i], option, StringComparison.OrdinalIgnoreCase) && i + 1 < args.Count)
            {
                var value = args[i + 1];
                args.RemoveRange(i, 2);
                return value;
            }
        }

        return null;
    }

    // "--Section:Key value" is configuration too: the value follows its key.
    private static bool IsValueOfPrevious(List<string> args, string value)
    {
        var index = args.IndexOf(value);
        return index > 0 && args[index - 1].StartsWith("--", StringComparison.Ordinal) && !args[index - 1].Contains('=', StringComparison.Ordinal);
    }
}
