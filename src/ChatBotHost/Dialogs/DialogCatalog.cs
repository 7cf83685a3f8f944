using System.Text.Json;
using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Abstractions.Dialogs;

namespace ChatBotHost.Dialogs;

/// <summary>
/// For one turn: finds the plan of each dialog on the stack (an instance per turn, created through dependency injection)
/// and keeps each frame's state as a live object while steps run, writing it back to JSON at the end.
/// </summary>
internal sealed class DialogCatalog(BotDefinition bot, IServiceProvider services)
{
    private readonly Dictionary<string, DialogPlan> _plans = new(StringComparer.Ordinal);
    private readonly Dictionary<DialogFrame, object> _states = [];

    /// <summary>True when the bot still declares the dialog (a renamed class leaves stale frames behind).</summary>
    public bool Knows(string dialogId) => bot.FindDialog(dialogId) is not null;

    public DialogPlan PlanOf(string dialogId)
    {
        if (!_plans.TryGetValue(dialogId, out var plan))
        {
            var type = bot.FindDialog(dialogId)
                ?? throw new InvalidOperationException($"Bot '{bot.Code}' does not declare dialog '{dialogId}'; add bot.Dialog<{dialogId}>().");
            var dialog = (DialogBase)ActivatorUtilities.CreateInstance(services, type);
            plan = dialog.BuildPlan();
            _plans[dialogId] = plan;
        }

        return plan;
    }

    public string IdOf(Type dialogType)
    {
        var id = DialogBase.IdOf(dialogType);
        _ = PlanOf(id);
        return id;
    }

    /// <summary>The frame's state as an object of the dialog's state type; the same object for the whole turn.</summary>
    public object StateOf(DialogFrame frame)
    {
        if (!_states.TryGetValue(frame, out var state))
        {
            var type = PlanOf(frame.Dialog).StateType;
            state = frame.State?.Deserialize(type, DialogJson.Options) ?? Activator.CreateInstance(type)!;
            _states[frame] = state;
        }

        return state;
    }

    /// <summary>Writes the live state objects back into their frames.</summary>
    public void WriteBack()
    {
        foreach (var (frame, state) in _states)
        {
            frame.State = JsonSerializer.SerializeToNode(state, state.GetType(), DialogJson.Options);
        }
    }
}
