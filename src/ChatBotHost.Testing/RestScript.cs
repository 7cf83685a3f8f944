using System.Net;
using System.Text.Json.Nodes;
using ChatBotHost.Bitrix.Client;
using ChatBotHost.Bitrix.Requests.Raw;

namespace ChatBotHost.Testing;

/// <summary>
/// What the test portal answers to methods called by name through turn.Rest (and IBitrixRestFactory):
/// <code>options.Rest.Answer("crm.lead.add", JsonValue.Create(42)).Fail("tasks.task.add", "METHOD_CONFIRM_WAITING", HttpStatusCode.Unauthorized);</code>
/// A method with no answer fails the call loudly, naming it. The latest answer given for a method wins.
/// </summary>
public sealed class RestScript
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Func<JsonObject, RawPage>> _answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RestCall> _calls = [];

    /// <summary>Every call made by name, in order (a batch's commands one by one, references filled in).</summary>
    public IReadOnlyList<RestCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Answers every call of <paramref name="method"/> with (a copy of) <paramref name="result"/>.</summary>
    public RestScript Answer(string method, JsonNode? result) => Answer(method, _ => result?.DeepClone());

    /// <summary>Answers every call of <paramref name="method"/> with what <paramref name="answer"/> makes of its parameters.</summary>
    public RestScript Answer(string method, Func<JsonObject, JsonNode?> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return Set(method, parameters => new RawPage { Result = answer(parameters) });
    }

    /// <summary>Serves <paramref name="items"/> as a list method does: pages of <paramref name="pageSize"/> chosen by <c>start</c>, with next and total.</summary>
    public RestScript AnswerList(string method, IEnumerable<JsonNode> items, int pageSize = 50)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        var all = items.ToArray();
        return Set(method, parameters =>
        {
            var start = parameters["start"] is JsonValue value && value.TryGetValue(out int given) ? Math.Max(0, given) : 0;
            var page = all.Skip(start).Take(pageSize).Select(i => i.DeepClone()).ToArray();
            return new RawPage { Result = new JsonArray(page), Next = start + pageSize < all.Length ? start + pageSize : null, Total = all.Length };
        });
    }

    /// <summary>Fails every call of <paramref name="method"/> with the portal's error (METHOD_CONFIRM_WAITING and _DENIED as their typed exceptions).</summary>
    public RestScript Fail(string method, string error, HttpStatusCode status = HttpStatusCode.BadRequest, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return Set(method, _ => throw BitrixApiException.From(error, description ?? $"scripted {error}", status));
    }

    /// <summary>Records the call and answers it; a method without an answer throws, naming it.</summary>
    internal RawPage Call(string method, JsonObject parameters)
    {
        Func<JsonObject, RawPage>? answer;
        lock (_gate)
        {
            _calls.Add(new RestCall(method, (JsonObject)parameters.DeepClone()));
            answer = _answers.GetValueOrDefault(method);
        }

        return answer?.Invoke(parameters) ?? throw new NotSupportedException(
            $"The test kit's portal has no answer for {method}; give one with options.Rest.Answer(\"{method}\", …).");
    }

    private RestScript Set(string method, Func<JsonObject, RawPage> answer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        lock (_gate)
        {
            _answers[method] = answer;
        }

        return this;
    }
}
