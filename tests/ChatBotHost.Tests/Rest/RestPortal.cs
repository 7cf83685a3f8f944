using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ChatBotHost.Abstractions.Rest;
using ChatBotHost.Bitrix.Wire;

namespace ChatBotHost.Tests.Rest;

/// <summary>
/// A small Bitrix24 at the HTTP level for methods the emulator does not answer yet (crm.lead.add / crm.lead.list with
/// paging): named batch commands with $result references inside one request, result_next/result_total, halt, a
/// configurable batch length limit and methods refused inside a batch. Records every request.
/// Move these tests to the emulator once it answers crm.lead.* and $result references.
/// </summary>
internal sealed class RestPortal : HttpMessageHandler
{
    private readonly Lock _gate = new();
    private readonly List<RestRequest> _requests = [];
    private int _nextLead = 100;

    /// <summary>How many leads crm.lead.list serves (pages of 50).</summary>
    public int Leads { get; set; } = 120;

    /// <summary>The most commands one batch may carry before the portal answers 400 ERROR_BATCH_LENGTH_EXCEEDED.</summary>
    public int MaxBatchLength { get; set; } = 50;

    /// <summary>Methods refused inside a batch with ERROR_BATCH_METHOD_NOT_ALLOWED (fine on their own).</summary>
    public HashSet<string> NotInBatch { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Answers a call before the defaults: (result, error) — null lets the defaults answer.</summary>
    public Func<string, JsonObject, (JsonNode? Result, string? Error)?>? Script { get; set; }

    /// <summary>Answers a whole request with this error and status instead of running it.</summary>
    public (string Error, HttpStatusCode Status)? RefuseRequests { get; set; }

    public IReadOnlyList<RestRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Every command the portal received, in order, plainly or in batches.</summary>
    public IReadOnlyList<RestRequestCommand> Commands => [.. Requests.SelectMany(r => r.Commands)];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.RequestUri!.Segments[^1];
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!.AsObject();
        var commands = method == "batch" ? Decode(body["cmd"]!.AsObject()) : [new RestRequestCommand(method, method, body)];
        lock (_gate)
        {
            _requests.Add(new RestRequest(method, commands, body["halt"]?.GetValue<int>() == 1));
        }

        if (RefuseRequests is { } refusal)
        {
            return Respond(refusal.Status, new JsonObject { ["error"] = refusal.Error, ["error_description"] = "refused" });
        }

        if (method != "batch")
        {
            var (result, error, next, total) = Run(method, body);
            return error is null
                ? Respond(HttpStatusCode.OK, new JsonObject { ["result"] = result, ["next"] = next, ["total"] = total })
                : Respond(HttpStatusCode.BadRequest, new JsonObject { ["error"] = error, ["error_description"] = $"scripted {error}" });
        }

        return commands.Count > MaxBatchLength
            ? Respond(HttpStatusCode.BadRequest, new JsonObject { ["error"] = "ERROR_BATCH_LENGTH_EXCEEDED", ["error_description"] = "Max batch length exceeded" })
            : Respond(HttpStatusCode.OK, new JsonObject { ["result"] = RunBatch(commands, body["halt"]?.GetValue<int>() == 1) });
    }

    private JsonObject RunBatch(List<RestRequestCommand> commands, bool halt)
    {
        JsonObject results = [], errors = [], next = [], total = [];
        foreach (var command in commands)
        {
            var (result, error, pageNext, pageTotal) = NotInBatch.Contains(command.Method)
                ? (null, "ERROR_BATCH_METHOD_NOT_ALLOWED", null, null)
                : Run(command.Method, Resolve((JsonObject)command.Parameters.DeepClone(), results));
            if (error is not null)
            {
                errors[command.Name] = new JsonObject { ["error"] = error, ["error_description"] = $"scripted {error}" };
                if (halt)
                {
                    break;
                }

                continue;
            }

            results[command.Name] = result;
            (next[command.Name], total[command.Name]) = (pageNext, pageTotal);
        }

        return new JsonObject { ["result"] = results, ["result_error"] = errors, ["result_next"] = next, ["result_total"] = total, ["result_time"] = new JsonArray() };
    }

    private (JsonNode? Result, string? Error, int? Next, int? Total) Run(string method, JsonObject parameters)
    {
        if (Script?.Invoke(method, parameters) is { } scripted)
        {
            return (scripted.Result, scripted.Error, null, null);
        }

        switch (method)
        {
            case "crm.lead.add":
                return (Interlocked.Increment(ref _nextLead), null, null, null);
            case "crm.lead.list":
                var start = int.Parse(parameters["start"]?.ToString() ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                var page = new JsonArray([.. Enumerable.Range(start, Math.Max(0, Math.Min(50, Leads - start))).Select(i => (JsonNode)new JsonObject { ["ID"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) })]);
                return (page, null, start + 50 < Leads ? start + 50 : null, Leads);
            default:
                return (true, null, null, null);
        }
    }

    // As Bitrix24 does inside one batch: $result[name][field] in a value is replaced from an earlier command's result.
    private static JsonObject Resolve(JsonObject parameters, JsonObject results)
    {
        foreach (var (value, text) in RestReference.StringsIn(parameters).ToList())
        {
            var filled = text;
            foreach (var reference in RestReference.In(text))
            {
                var node = results[reference.Command];
                foreach (var field in reference.Path)
                {
                    node = node is JsonArray list ? list[int.Parse(field, System.Globalization.CultureInfo.InvariantCulture)] : node?[field];
                }

                filled = filled.Replace(reference.Text, node?.ToString() ?? "", StringComparison.Ordinal);
            }

            value.ReplaceWith(filled);
        }

        return parameters;
    }

    private static HttpResponseMessage Respond(HttpStatusCode status, JsonObject envelope) =>
        new(status) { Content = new StringContent(envelope.ToJsonString(), Encoding.UTF8, "application/json") };

    private static List<RestRequestCommand> Decode(JsonObject commands) =>
    [
        .. commands.Select(command =>
        {
            var text = command.Value!.ToString();
            var question = text.IndexOf('?', StringComparison.Ordinal);
            return question < 0
                ? new RestRequestCommand(command.Key, text, [])
                : new RestRequestCommand(command.Key, text[..question], PhpForm.Decode(text[(question + 1)..]));
        }),
    ];
}
