namespace ChatBotHost.Emulator.Faults;

/// <summary>What an injected fault does to one HTTP request (a batch is one request).</summary>
public enum FaultKind
{
    /// <summary>503 {"error":"QUERY_LIMIT_EXCEEDED"}; the call is not performed.</summary>
    Http503QueryLimit,

    /// <summary>429 {"error":"OPERATION_TIME_LIMIT", "time":{"operating_reset_at"}}; the call is not performed.</summary>
    Http429OperationTimeLimit,

    /// <summary>500 {"error":"INTERNAL_SERVER_ERROR"}; the call is not performed.</summary>
    Http500,

    /// <summary>The error envelope {"error": Code, "error_description": ...} with the fault's HTTP status; the call is not performed.</summary>
    ErrorAnswer,

    /// <summary>The call is performed at once, its (correct) answer written only after a delay.</summary>
    SlowAnswer,

    /// <summary>The connection is cut without an answer; the call is not performed.</summary>
    DroppedConnection,

    /// <summary>The call IS performed (a message is posted), then the connection is cut: the client sees a failure.</summary>
    AcceptedThenDropped,
}
