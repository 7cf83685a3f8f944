using System.Diagnostics;
using System.Globalization;
using ChatBotHost.Emulator;
using ChatBotHost.Emulator.Portal;
using ChatBotHost.IntegrationTests.Harness;
using ChatBotHost.LiveBots;
using Microsoft.Extensions.DependencyInjection;

namespace ChatBotHost.IntegrationTests;

/// <summary>
/// The bots folder of a running host: a file dropped in is compiled, registered and answers; an edit changes the
/// answer in the same process; a broken edit keeps the last good version and is reported; removing the file
/// unregisters the bot. Each step waits for what the host shows (the portal's bots, a reply, readiness), with a deadline.
/// </summary>
public sealed class LiveBotsFolderTests : IDisposable
{
    private const string Token = "hello-token-0123456789abcdef";

    // Within seconds, the issue asks; the deadline is wider so a loaded CI machine (first compile included) is no failure.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("chatbothost-bots-");

    [Fact]
    public async Task DroppedEditedBrokenAndRemovedFile_IsServedReloadedKeptAndUnregistered()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis: null, "fetch")
            .Set("ChatBotHost:BotsPath", _folder.FullName)
            .Set("ChatBotHost:Bots:hello:BotToken", Token)
            .Set("ChatBotHost:Bots:hello:EventMode", "fetch");
        await using var host = await InProcessHost.StartWithBotsFolderAsync(settings);
        var portal = emulator.Portal;
        var file = Path.Combine(_folder.FullName, "HelloBot.cs");

        await File.WriteAllTextAsync(file, Source("v1"));
        var bot = await UntilAsync(() => portal.FindBot("hello") is { } b && host.Bot("hello")?.Registration is not null ? b : null, "the dropped bot is registered");
        Assert.Equal("v1: hi", await AskAsync(portal, bot.Id, "hi"));

        var units = host.Services.GetRequiredService<LiveBotUnits>();
        var first = units.VersionOf("hello");
        await File.WriteAllTextAsync(file, Source("v2"));

        // The profile reaches the portal once the new code serves: the reload reconciles after it swapped the code.
        await UntilAsync(() => portal.FindBot("hello")!.Properties.ToJsonString().Contains("Hello v2", StringComparison.Ordinal) ? "" : null, "the edit is loaded and reconciled");
        Assert.NotEqual(first, units.VersionOf("hello"));
        Assert.Equal("v2: again", await AskAsync(portal, bot.Id, "again"));
        Assert.Equal(bot.Id, portal.FindBot("hello")!.Id);

        await File.WriteAllTextAsync(file, Source("v3").Replace("public sealed class", "public sealed clas", StringComparison.Ordinal));
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        var ready = await UntilAsync(async () => await http.GetStringAsync(new Uri("/health/ready", UriKind.Relative)) is var body && body.Contains("HelloBot.cs(", StringComparison.Ordinal) ? body : null, "readiness reports the error");
        Assert.Contains("\"Degraded\"", ready, StringComparison.Ordinal);
        Assert.Contains("hello", ready, StringComparison.Ordinal);
        Assert.Equal("v2: still", await AskAsync(portal, bot.Id, "still"));

        File.Delete(file);
        await UntilAsync(() => portal.FindBot("hello") is null ? "" : null, "the removed bot is unregistered");
        Assert.Null(host.Bot("hello"));
        Assert.DoesNotContain("HelloBot.cs(", await http.GetStringAsync(new Uri("/health/ready", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompilingThroughTheRunningHost_LoadsNoRoslynIntoTheHostProcess()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis: null, "fetch")
            .Set("ChatBotHost:BotsPath", _folder.FullName)
            .Set("ChatBotHost:Bots:hello:BotToken", Token);
        await using var host = await InProcessHost.StartWithBotsFolderAsync(settings);
        var compiler = host.Services.GetRequiredService<BotCompiler>();
        var compiledBefore = compiler.Compiled;

        // A source no cache holds: the reload really compiles, in the compiler's child process.
        var unique = Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(Path.Combine(_folder.FullName, "HelloBot.cs"), Source(unique));
        var bot = await UntilAsync(() => emulator.Portal.FindBot("hello") is { } b && host.Bot("hello")?.Registration is not null ? b : null, "the dropped bot is registered");
        Assert.Equal($"{unique}: hi", await AskAsync(emulator.Portal, bot.Id, "hi"));

        Assert.Equal(compiledBefore + 1, compiler.Compiled);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name!.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalMode_BrokenFile_IsShownOnTheChatPageWithItsPosition_UntilItCompiles()
    {
        await using var unused = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(unused, redis: null, "fetch")
            .Set("ChatBotHost:Portal:WebhookUrl", "")
            .Set("ChatBotHost:LocalMode", "true")
            .Set("ChatBotHost:BotsPath", _folder.FullName);
        var file = Path.Combine(_folder.FullName, "HelloBot.cs");
        await File.WriteAllTextAsync(file, Source("v1").Replace("=> bot", "=> bot bot", StringComparison.Ordinal));
        await using var host = await InProcessHost.StartWithBotsFolderAsync(settings);
        using var http = new HttpClient { BaseAddress = host.BaseUrl };

        var notices = await http.GetStringAsync(new Uri("/emulator/api/notices", UriKind.Relative));
        Assert.Contains("HelloBot.cs does not compile: HelloBot.cs(8,", notices, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, Source("v1"));
        var portal = host.Services.GetRequiredService<Hosting.LocalPortal>().Emulator.Portal;
        var bot = await UntilAsync(() => portal.FindBot("hello") is { } b && host.Bot("hello")?.Registration is not null ? b : null, "the fixed bot is registered");
        Assert.Equal("v1: hi", await AskAsync(portal, bot.Id, "hi"));
        Assert.Contains("\"notices\":[]", await http.GetStringAsync(new Uri("/emulator/api/notices", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_DialogStateNoLongerFits_EndsTheDialogAndTellsTheUser()
    {
        await using var emulator = await BitrixEmulator.StartAsync(new EmulatorOptions(), CancellationToken.None);
        var settings = new HostSettings(emulator, redis: null, "fetch")
            .Set("ChatBotHost:BotsPath", _folder.FullName)
            .Set("ChatBotHost:Bots:asker:BotToken", Token);
        var file = Path.Combine(_folder.FullName, "AskerBot.cs");
        await File.WriteAllTextAsync(file, DialogSource("v1", "int Count { get; set; } = 1"));
        await using var host = await InProcessHost.StartWithBotsFolderAsync(settings);
        var portal = emulator.Portal;
        var bot = portal.FindBot("asker")!;
        var dialog = bot.Id.ToString(CultureInfo.InvariantCulture);

        await portal.SendUserMessageAsync(1, dialog, "/ask");
        await portal.WaitForBotMessageAsync(m => m.Text == "Your name?", Deadline, CancellationToken.None);

        // The state's Count was a number; the new code wants a list: the saved dialog no longer reads.
        await File.WriteAllTextAsync(file, DialogSource("v2", "List<string> Count { get; set; } = []"));
        await UntilAsync(() => portal.FindBot("asker")!.Properties.ToJsonString().Contains("Asker v2", StringComparison.Ordinal) ? "" : null, "the edit is loaded");
        await portal.SendUserMessageAsync(1, dialog, "Bob");

        var told = await portal.WaitForBotMessageAsync(m => m.Text.StartsWith("This bot was updated", StringComparison.Ordinal), Deadline, CancellationToken.None);
        Assert.Equal(bot.Id, told.PostedByBotId);

        // The conversation starts over on the new code.
        await portal.SendUserMessageAsync(1, dialog, "/ask");
        await UntilAsync(() => portal.GetMessages(null).Count(m => m.Text == "Your name?") == 2 ? "" : null, "the dialog begins again");
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<string> AskAsync(EmulatedPortal portal, int botId, string text)
    {
        var asked = await portal.SendUserMessageAsync(1, botId.ToString(CultureInfo.InvariantCulture), text);
        var reply = await portal.WaitForBotMessageAsync(m => m.PostedByBotId == botId && m.Id > asked && m.Text.EndsWith($": {text}", StringComparison.Ordinal), Deadline, CancellationToken.None);
        return reply.Text;
    }

    private static Task<T> UntilAsync<T>(Func<T?> probe, string what) where T : class =>
        UntilAsync(() => Task.FromResult(probe()), what);

    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (waited.Elapsed > Deadline)
            {
                throw new TimeoutException($"Not within {Deadline.TotalSeconds} s: {what}.");
            }

            await Task.Delay(50);
        }
    }

    private static string DialogSource(string version, string countProperty) => $$"""
        using ChatBotHost.Abstractions.Declaration;
        using ChatBotHost.Abstractions.Dialogs;
        using ChatBotHost.Abstractions.Prompts;
        using ChatBotHost.Abstractions.Turns;

        public sealed class AskState
        {
            public {{countProperty}};

            public string? Name { get; set; }
        }

        public sealed class AskDialog : Dialog<AskState>
        {
            protected override void Define(DialogBuilder<AskState> dialog) => dialog
                .Ask(new TextPrompt("Your name?"), (state, name) => state.Name = name)
                .Step(step => step.End());
        }

        public sealed class AskerBot : IBot
        {
            public void Configure(BotBuilder bot) => bot
                .Profile("asker", "Asker {{version}}")
                .Dialog<AskDialog>()
                .Command("ask", "Ask a name", (command, turn, ct) => turn.Dialogs.BeginAsync<AskDialog>(ct));
        }
        """;

    private static string Source(string version) => $$"""
        using ChatBotHost.Abstractions.Declaration;
        using ChatBotHost.Abstractions.Turns;
        using ChatBotHost.Bitrix.Events;

        public sealed class HelloBot : IBot
        {
            public void Configure(BotBuilder bot) => bot
                .Profile("hello", "Hello {{version}}")
                .OnMessage((message, turn, ct) => turn.ReplyAsync($"{{version}}: {message.Message.Text}", ct));
        }
        """;
}
