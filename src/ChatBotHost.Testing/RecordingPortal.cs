using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests;
using ChatBotHost.Bitrix.Requests.ChatUi;
using ChatBotHost.Bitrix.Requests.Commands;
using ChatBotHost.Bitrix.Requests.Files;
using ChatBotHost.Bitrix.Requests.Messages;
using ChatBotHost.Bitrix.Requests.Raw;
using ChatBotHost.Bitrix.Requests.Tasks;

namespace ChatBotHost.Testing;

/// <summary>
/// Stands in for Bitrix24: answers the calls a bot makes while it talks (send, answer, update, delete, typing, text
/// field), File.download of the files the test attached (<see cref="KitFiles"/>) and tasks.task.add, answers methods called by name from the test's <see cref="RestScript"/>, and records
/// them. Any other method fails loudly, naming it, so a test never passes on a call that went nowhere. A method
/// configured to need the administrator's confirmation answers as Bitrix24 does until decided
/// (<see cref="MethodConfirmations"/>), whichever way it is called.
/// </summary>
internal sealed class RecordingPortal(MethodConfirmations confirmations, RestScript rest, KitFiles files) : IBitrixClient
{
    private readonly Lock _gate = new();
    private readonly List<SentMessage> _messages = [];
    private readonly Dictionary<string, bool> _textFields = new(StringComparer.Ordinal);
    private readonly List<string> _calls = [];
    private readonly List<RecordedTask> _tasks = [];
    private int _nextMessageId = 1000;

    public MethodConfirmations Confirmations => confirmations;

    public IReadOnlyList<RecordedTask> Tasks
    {
        get
        {
            lock (_gate)
            {
                return _tasks.ToArray();
            }
        }
    }

    public IReadOnlyList<SentMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return _messages.ToArray();
            }
        }
    }

    public IReadOnlyList<string> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToArray();
            }
        }
    }

    public bool IsTextFieldEnabled(string dialogId)
    {
        lock (_gate)
        {
            return _textFields.GetValueOrDefault(dialogId, true);
        }
    }

    public int NextMessageId()
    {
        lock (_gate)
        {
            return ++_nextMessageId;
        }
    }

    public Task<TResult> CallAsync<TResult>(BitrixRequest<TResult> request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Methods called by name are answered by the test's script, outside the lock: a scripted answer may be slow or throw.
        switch (request)
        {
            case RawRequest raw:
                return Task.FromResult((TResult)(object?)Rest(raw.Method, raw.Parameters).Result!);
            case RawPageRequest page:
                return Task.FromResult((TResult)(object)Rest(page.Method, page.Parameters));
        }

        lock (_gate)
        {
            _calls.Add(request.Method);
            confirmations.Check(request.Method);
            object result = request switch
            {
                ChatMessageSendRequest send => new ChatMessageSendResult { Id = Record(send.DialogId, send.Fields, answer: false) },
                CommandAnswerRequest answer => Ok(Record(answer.DialogId, answer.Fields, answer: true)),
                ChatMessageUpdateRequest update => Ok(Update(update)),
                ChatMessageDeleteRequest delete => Ok(_messages.RemoveAll(m => m.Id == delete.MessageId)),
                ChatTextFieldEnabledRequest textField => Ok(_textFields[textField.DialogId] = textField.Enabled),
                ChatInputActionNotifyRequest => Ok(true),
                TasksTaskAddRequest task => AddTask(task.Fields),
                FileDownloadRequest download => new FileDownloadResult { DownloadUrl = files.UrlOf(download.FileId) },
                _ => throw new NotSupportedException(
                    $"The test kit's portal does not answer {request.Method}; test that call with the emulator (ChatBotHost.Emulator)."),
            };
            return Task.FromResult((TResult)result);
        }
    }

    private TasksTaskAddResult AddTask(TaskFields fields)
    {
        var task = new RecordedTask(_tasks.Count + 1, fields.Title, fields.Description, fields.ResponsibleId);
        _tasks.Add(task);
        return new TasksTaskAddResult { Task = new TaskSummary { Id = task.Id, Title = task.Title } };
    }

    private RawPage Rest(string method, System.Text.Json.Nodes.JsonObject parameters)
    {
        lock (_gate)
        {
            _calls.Add(method);
            confirmations.Check(method);
        }

        return rest.Call(method, parameters);
    }

    private static OkResult Ok<T>(T _) => new() { Result = true };

    private int Record(string dialogId, MessageFields fields, bool answer)
    {
        var id = ++_nextMessageId;
        _messages.Add(new SentMessage
        {
            Id = id,
            DialogId = dialogId,
            Text = fields.Message ?? "",
            Buttons = ButtonsOf(fields.Keyboard),
            Attach = fields.Attach?.DeepClone(),
            IsCommandAnswer = answer,
        });
        return id;
    }

    private bool Update(ChatMessageUpdateRequest update)
    {
        var index = _messages.FindIndex(m => m.Id == update.MessageId);
        if (index >= 0 && update.Fields.Message is { } text)
        {
            _messages[index] = _messages[index] with { Text = text };
        }

        return index >= 0;
    }

    private static SentButton[] ButtonsOf(JsonNode? keyboard)
    {
        var buttons = keyboard switch
        {
            JsonObject wrapped => wrapped["BUTTONS"] as JsonArray,
            JsonArray bare => bare,
            _ => null,
        };
        return buttons is null
            ? []
            : buttons.OfType<JsonObject>()
                .Where(b => b["TEXT"] is not null)
                .Select(b => new SentButton((string)b["TEXT"]!, (string?)b["COMMAND"], (string?)b["COMMAND_PARAMS"]))
                .ToArray();
    }
}
