using System.Globalization;

namespace ChatBotHost.Pipeline.Stages;

/// <summary>
/// Runs the turn in the culture of the event's language, so prompts, number and date parsing and localized texts
/// follow the user; the previous culture is restored afterwards, since the thread goes back to the pool.
/// </summary>
internal sealed class CultureStage : ITurnStage
{
    public async Task InvokeAsync(TurnContext turn, TurnStep next, CancellationToken cancellationToken)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = turn.Culture;
        CultureInfo.CurrentUICulture = turn.Culture;
        try
        {
            await next(turn, cancellationToken);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }
}
