using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Dialogs;

namespace ChatBotHost.Testing;

/// <summary>
/// A scripted conversation with the bot: user actions and expectations queued in order, run when awaited.
/// <code>await host.Conversation().Send("/ticket").ExpectReply("What is the subject?").Send("Printer").ExpectButtons("Low", "High");</code>
/// Each expectation consumes the bot's next unseen message in this dialog.
/// </summary>
public sealed class Conversation
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly BotTestHost _host;
    private readonly UserEvents _user;
    private readonly List<Func<Task>> _script = [];
    private int _seen;

    internal Conversation(BotTestHost host, int userId)
    {
        _host = host;
        _user = new UserEvents(host, userId);
    }

    /// <summary>The dialog id of this conversation (the user's id, as in a private chat).</summary>
    public string DialogId => _user.DialogId;

    /// <summary>Every message the bot sent in this dialog so far.</summary>
    public IReadOnlyList<SentMessage> Replies => _host.Sent.Where(m => m.DialogId == DialogId).ToArray();

    /// <summary>The user writes a message.</summary>
    public Conversation Send(string text) => Then(() => _host.ProcessAsync(_user.Message(text)));

    /// <summary>The user sends a file (with an optional text); the bot can download its bytes.</summary>
    public Conversation SendFile(string name, byte[] content, string text = "")
    {
        ArgumentNullException.ThrowIfNull(content);
        return Then(() => _host.ProcessAsync(_user.Message(text, [_user.File(name, content, content.Length)])));
    }

    /// <summary>
    /// The user sends a file the portal announces as <paramref name="size"/> bytes, without bytes behind it (for sizes a
    /// test cannot hold, such as past the 100 MB limit): downloading it fails as an expired link does.
    /// </summary>
    public Conversation SendFile(string name, long size, string text = "") =>
        Then(() => _host.ProcessAsync(_user.Message(text, [_user.File(name, content: null, size)])));

    /// <summary>The user types a command, e.g. Command("/remind", "10m tea").</summary>
    public Conversation Command(string command, string parameters = "") =>
        Then(() => _host.ProcessAsync(_user.Command(command, parameters, "textarea", _host.Portal.NextMessageId())));

    /// <summary>The user presses the button with this label on the newest bot message that has one.</summary>
    public Conversation Press(string buttonText) => Then(() =>
    {
        var message = Replies.LastOrDefault(m => m.Buttons.Any(b => b.Text == buttonText))
            ?? throw Fail($"no message has a button \"{buttonText}\"");
        var button = message.Buttons.First(b => b.Text == buttonText);
        if (button.Command is null)
        {
            throw Fail($"button \"{buttonText}\" sends no command (it is a link or a client-side action)");
        }

        return _host.ProcessAsync(_user.Command(button.Command, button.CommandParams ?? "", "keyboard", message.Id));
    });

    /// <summary>Lets time pass on the test clock; timers that come due fire at their due times, in order, in the same pipeline as messages.</summary>
    public Conversation Wait(TimeSpan time) => Then(() => _host.PassTimeAsync(time));

    /// <summary>
    /// The portal administrator allows or denies <paramref name="method"/> (by default every method configured with
    /// <see cref="PortalMethods.RequireConfirmation"/>); the dialogs that waited for it get the decision and run.
    /// </summary>
    public Conversation AdministratorDecides(bool allow, string? method = null) => Then(async () =>
    {
        var methods = method is null ? _host.Options.Methods.NeedingConfirmation.ToArray() : [method];
        foreach (var decided in methods)
        {
            await _host.DecideAsync(decided, allow);
        }
    });

    /// <summary>Expects the bot's next message to be exactly this text.</summary>
    public Conversation ExpectReply(string text) =>
        ExpectReply(m => m.Text == text, $"\"{text}\"");

    /// <summary>Expects the bot's next message to contain this text.</summary>
    public Conversation ExpectReplyContaining(string fragment) =>
        ExpectReply(m => m.Text.Contains(fragment, StringComparison.Ordinal), $"a message containing \"{fragment}\"");

    /// <summary>Expects the bot's next message to pass the check.</summary>
    public Conversation ExpectReply(Func<SentMessage, bool> check, string description) => Then(() =>
    {
        var replies = Replies;
        if (_seen >= replies.Count)
        {
            throw Fail($"expected {description}, but the bot sent nothing more");
        }

        var reply = replies[_seen++];
        return check(reply) ? Task.CompletedTask : throw Fail($"expected {description}, but the bot sent {reply}");
    });

    /// <summary>Expects the message just matched by an ExpectReply to carry exactly these buttons, in order.</summary>
    public Conversation ExpectButtons(params string[] labels) => Then(() =>
    {
        var last = _seen > 0 ? Replies[_seen - 1] : throw Fail("ExpectButtons needs an ExpectReply before it");
        var actual = last.Buttons.Select(b => b.Text).ToArray();
        return actual.SequenceEqual(labels)
            ? Task.CompletedTask
            : throw Fail($"expected buttons [{string.Join(" | ", labels)}] on {last}");
    });

    /// <summary>Expects the bot to have sent nothing beyond the messages already expected.</summary>
    public Conversation ExpectNoMoreReplies() => Then(() =>
    {
        var extra = Replies.Skip(_seen).ToArray();
        return extra.Length == 0 ? Task.CompletedTask : throw Fail($"expected no more messages, but the bot sent {string.Join(", ", extra.Select(m => m.ToString()))}");
    });

    /// <summary>Expects this dialog (or, with null, none) to be the innermost one running.</summary>
    public Conversation ExpectDialog<TDialog>()
        where TDialog : DialogBase => ExpectActiveDialog(DialogBase.IdOf(typeof(TDialog)));

    /// <summary>Expects no dialog to be running.</summary>
    public Conversation ExpectNoDialog() => ExpectActiveDialog(null);

    /// <summary>Expects the dialog state value stored under <paramref name="name"/> to pass the check.</summary>
    public Conversation ExpectState<T>(string name, Func<T?, bool> check) => Then(async () =>
    {
        var value = (await StateAsync())?[name];
        var typed = value is null ? default : value.Deserialize<T>(Json);
        if (!check(typed))
        {
            throw Fail($"state \"{name}\" is {value?.ToJsonString() ?? "not set"}, which fails the check");
        }
    });

    /// <summary>Expects the chat's text field to be on (true) or turned off by the bot (false).</summary>
    public Conversation ExpectTextField(bool enabled) => Then(() =>
        _host.Portal.IsTextFieldEnabled(DialogId) == enabled
            ? Task.CompletedTask
            : throw Fail($"expected the text field to be {(enabled ? "on" : "off")}"));

    /// <summary>Runs the queued script.</summary>
    public TaskAwaiter GetAwaiter() => RunAsync().GetAwaiter();

    private Conversation ExpectActiveDialog(string? dialog) => Then(async () =>
    {
        var frames = (await StateAsync())?["$dialogs"]?["frames"] as JsonArray;
        var active = frames is { Count: > 0 } ? (string?)frames[^1]!["dialog"] : null;
        if (active != dialog)
        {
            throw Fail($"expected {(dialog is null ? "no dialog" : $"dialog {dialog}")} to run, but {active ?? "none"} runs");
        }
    });

    private async Task<JsonObject?> StateAsync()
    {
        var stored = await _host.LoadStateAsync(DialogId);
        return stored is null ? null : JsonNode.Parse(stored.Json) as JsonObject;
    }

    private Conversation Then(Func<Task> step)
    {
        _script.Add(step);
        return this;
    }

    private async Task RunAsync()
    {
        var script = _script.ToArray();
        _script.Clear();
        foreach (var step in script)
        {
            await step();
        }
    }

    private ConversationAssertionException Fail(string what) => new($"Conversation with user {DialogId}: {what}.");
}
