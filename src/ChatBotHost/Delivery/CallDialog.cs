using System.Collections.Concurrent;
using System.Reflection;

namespace ChatBotHost.Delivery;

/// <summary>Finds the dialog a request is addressed to (its DialogId property), which orders it among the dialog's calls.</summary>
internal static class CallDialog
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> Properties = new();

    /// <summary>The request's dialogId, or null for a call that names no dialog.</summary>
    public static string? Of(object request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var property = Properties.GetOrAdd(request.GetType(), type => type.GetProperty("DialogId", typeof(string)));
        return property?.GetValue(request) as string;
    }
}
