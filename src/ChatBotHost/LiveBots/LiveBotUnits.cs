using ChatBotHost.Abstractions.Declaration;
using ChatBotHost.Hosting;

namespace ChatBotHost.LiveBots;

/// <summary>
/// What the bots folder currently serves: the loaded version of each unit, and the errors of each unit whose latest
/// version did not load (its last good version keeps serving).
/// </summary>
internal sealed partial class LiveBotUnits(BotsFolder folder, BotCompiler compiler, BotVersions versions, IServiceProvider services, ILogger<LiveBotUnits> logger)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LoadedUnit> _loaded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<BotDiagnostic>> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);

    public BotsFolder Folder => folder;

    /// <summary>The units whose latest version failed, with their errors and the bots they declared when they last loaded.</summary>
    public IReadOnlyList<(string Unit, IReadOnlyList<string> Bots, IReadOnlyList<BotDiagnostic> Errors)> Failures
    {
        get
        {
            lock (_lock)
            {
                return [.. _errors.Select(e => (e.Key, (IReadOnlyList<string>)[.. _loaded.GetValueOrDefault(e.Key)?.Definitions.Select(d => d.Code) ?? []], e.Value))];
            }
        }
    }

    /// <summary>The errors as lines for the local chat page's banner (local mode only: they can quote the source).</summary>
    public IReadOnlyList<string> Notices() =>
        [.. Failures.SelectMany(f => f.Errors.Select(e => $"{f.Unit} does not compile{(f.Bots.Count > 0 ? $" (its last good version of {string.Join(", ", f.Bots)} serves)" : "")}: {e}"))];

    /// <summary>The version (source hash) of the unit that declares the bot, or null for a bot not from the folder.</summary>
    public string? VersionOf(string code)
    {
        lock (_lock)
        {
            return _loaded.Values.FirstOrDefault(u => u.Definitions.Any(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase)))?.Unit.Version;
        }
    }

    /// <summary>The units that are new, changed or gone since the last look, with the current ones.</summary>
    public (IReadOnlyList<BotUnit> Changed, IReadOnlyList<string> Gone) Look()
    {
        var units = folder.Scan();
        lock (_lock)
        {
            var changed = units.Where(u => _seen.GetValueOrDefault(u.Name) != u.Version).ToList();
            var gone = _seen.Keys.Where(name => units.All(u => u.Name != name)).ToList();
            return (changed, gone);
        }
    }

    /// <summary>
    /// Loads a unit's new version. On success returns the version it replaces (null for a new unit); on failure keeps
    /// the last good version and records the errors.
    /// </summary>
    public (bool Loaded, LoadedUnit? Replaced, LoadedUnit? Current) Load(BotUnit unit)
    {
        lock (_lock)
        {
            _seen[unit.Name] = unit.Version;
        }

        var (loaded, errors) = TryLoad(unit);
        lock (_lock)
        {
            if (loaded is not null && CodeTaken(unit.Name, loaded) is { } clash)
            {
                errors = [new BotDiagnostic(unit.Name, 0, 0, clash)];
                loaded.Context.Unload();
                loaded = null;
            }

            if (loaded is null)
            {
                _errors[unit.Name] = errors;
                foreach (var error in errors)
                {
                    LogCompileError(logger, unit.Name, error.File, error.Line, error.Column, error.Message);
                }

                return (false, null, _loaded.GetValueOrDefault(unit.Name));
            }

            _errors.Remove(unit.Name);
            var replaced = _loaded.GetValueOrDefault(unit.Name);
            _loaded[unit.Name] = loaded;
            string[] codes = [.. loaded.Definitions.Select(d => d.Code)];
            LogLoaded(logger, unit.Name, unit.Version, codes);
            return (true, replaced, loaded);
        }
    }

    /// <summary>Forgets a unit whose files are gone; returns the version that was serving, if any.</summary>
    public LoadedUnit? Remove(string name)
    {
        lock (_lock)
        {
            _seen.Remove(name);
            _errors.Remove(name);
            if (_loaded.Remove(name, out var removed))
            {
                LogRemoved(logger, name);
            }

            return removed;
        }
    }

    /// <summary>Start-up: every unit of the folder, compiled once; the bots of those that loaded.</summary>
    public IReadOnlyList<BotDefinition> LoadAll()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var units = folder.Scan();
        // A DI factory runs synchronously; there is no synchronization context in the host to deadlock on.
        compiler.PrepareAsync(units, folder.Path, CancellationToken.None).GetAwaiter().GetResult();
        foreach (var unit in units)
        {
            Load(unit);
        }

        compiler.EndBatch();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        LogReady(logger, units.Count, folder.Path, (long)elapsed.TotalMilliseconds, compiler.Compiled);
        lock (_lock)
        {
            return [.. _loaded.Values.SelectMany(u => u.Definitions)];
        }
    }

    private (LoadedUnit? Loaded, IReadOnlyList<BotDiagnostic> Errors) TryLoad(BotUnit unit)
    {
        var context = new BotLoadContext($"bot:{unit.Name}@{unit.Version}", unit.Prebuilt ? folder.Path : null);
        try
        {
            System.Reflection.Assembly assembly;
            if (unit.Prebuilt)
            {
                // From a copy in memory: the file stays free to be replaced while this version serves.
                assembly = context.LoadFromStream(new MemoryStream(File.ReadAllBytes(unit.Files[0])));
            }
            else
            {
                var (image, errors) = compiler.Compile(unit, folder.Path);
                if (image is null)
                {
                    context.Unload();
                    return (null, errors);
                }

                assembly = context.LoadFromStream(new MemoryStream(image));
            }

            var types = assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBot).IsAssignableFrom(t)).OrderBy(t => t.FullName, StringComparer.Ordinal).ToArray();
            var definitions = types.Select(t => BotCatalog.Describe(services, t)).ToArray();
            _ = new BotCatalog(definitions); // the same checks as at start-up: valid, distinct codes
            if (definitions.SelectMany(d => d.CronJobs.Select(job => (d.Code, job))).FirstOrDefault(j => !Quartz.CronExpression.TryParse(j.job.Expression, out _)) is { Code: { } code } invalid)
            {
                throw new InvalidOperationException($"Bot {code} declares job '{invalid.job.Name}' with an invalid Quartz cron expression '{invalid.job.Expression}' (seconds first, e.g. \"0 0 9 ? * MON-FRI\").");
            }

            foreach (var definition in definitions)
            {
                versions.Record(definition, unit.Version);
            }

            return (new LoadedUnit(unit, context, types, definitions), []);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bot's Configure that throws, a bad image, a code clash: the unit does not load, the host goes on.
            context.Unload();
            return (null, [new BotDiagnostic(unit.Name, 0, 0, ex is System.Reflection.ReflectionTypeLoadException load ? string.Join("; ", load.LoaderExceptions.Select(e => e?.Message)) : ex.Message)]);
        }
    }

    private string? CodeTaken(string unitName, LoadedUnit loaded)
    {
        foreach (var (name, other) in _loaded.Where(u => u.Key != unitName))
        {
            if (other.Definitions.FirstOrDefault(d => loaded.Definitions.Any(n => string.Equals(n.Code, d.Code, StringComparison.OrdinalIgnoreCase))) is { } taken)
            {
                return $"Bot code '{taken.Code}' is already declared by {name}.";
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Bots folder: {Unit} did not compile, its last good version keeps serving: {File}({Line},{Column}): {Error}")]
    private static partial void LogCompileError(ILogger logger, string unit, string file, int line, int column, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bots folder: loaded {Unit} version {Version} with bots {Bots}")]
    private static partial void LogLoaded(ILogger logger, string unit, string version, string[] bots);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bots folder: {Units} units of {Folder} ready in {Milliseconds} ms, {Compiled} compiled (the others from the cache)")]
    private static partial void LogReady(ILogger logger, int units, string folder, long milliseconds, int compiled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bots folder: {Unit} was removed")]
    private static partial void LogRemoved(ILogger logger, string unit);
}
