using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChatBotHost.LiveBots;

/// <summary>
/// Roslyn's part of the compiler process (<see cref="CompileBotsCommand"/>; the serving host never calls it, so it never
/// loads the compiler's assemblies): compiles a unit's sources against what bot authors may use, the framework's assemblies and
/// ChatBotHost.Abstractions with ChatBotHost.Bitrix, never the host's own assembly or its libraries.
/// </summary>
internal static class RoslynBuild
{
    // The SDK's implicit usings of a Microsoft.NET.Sdk project: the samples' sources are written with them.
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static IReadOnlyList<MetadataReference>? _references;

    /// <summary>The assembly's image, or the errors that kept it from compiling.</summary>
    public static (byte[]? Image, IReadOnlyList<BotDiagnostic> Errors) Compile(IReadOnlyList<string> files, string folder, string assemblyName)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files
            .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), parse, Path.GetRelativePath(folder, file)))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, "ImplicitUsings.g.cs"))
            .ToList();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable);
        var compilation = CSharpCompilation.Create(assemblyName, trees, _references ??= LoadReferences(), options);

        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (result.Success)
        {
            return (image.ToArray(), []);
        }

        return (null, [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(ToDiagnostic)]);
    }

    private static BotDiagnostic ToDiagnostic(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return new BotDiagnostic(
            span.Path.Replace('\\', '/'),
            span.IsValid ? span.StartLinePosition.Line + 1 : 0,
            span.IsValid ? span.StartLinePosition.Character + 1 : 0,
            $"{diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
    }

    /// <summary>The framework's assemblies as the runtime lists them, and the two author-facing ones beside the host.</summary>
    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var aspNet = Path.GetDirectoryName(typeof(Microsoft.AspNetCore.Http.HttpContext).Assembly.Location)!;
        var framework = platform.Where(p => Path.GetDirectoryName(p) is { } dir && (dir == runtime || dir == aspNet));
        // What the author-facing assemblies expose may come from a package beside the host rather than the shared framework.
        var authors = BotCompiler.AuthorAssemblies.Select(Assembly.Load)
            .SelectMany(a => a.GetReferencedAssemblies().Select(Assembly.Load).Prepend(a))
            .Select(a => a.Location)
            .Where(p => p.Length > 0);
        return [.. framework.Concat(authors).Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
