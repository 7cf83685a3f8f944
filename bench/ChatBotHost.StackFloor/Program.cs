using ChatBotHost.StackFloor;

// The memory benchmark's yardsticks, each measured like the host (its own process, idle, VmRSS):
//   Floor__Stack=none       a bare slim ASP.NET Core app that answers /health/ready, nothing else;
//   Floor__Stack=libraries  the libraries the product is built on (Serilog, OpenTelemetry, Quartz, the resilience
//                           pipeline, health checks, StackExchange.Redis with Floor__Redis), configured and kept busy
//                           at idle as the host does it (see FloorParts), with none of the host's own code or bots.
// The host's figures minus the second are what the host's own code costs; the second is what any host on these
// libraries costs before it does anything of its own.
var builder = WebApplication.CreateSlimBuilder(args);
var libraries = builder.Configuration["Floor:Stack"] switch
{
    "none" => false,
    "libraries" => true,
    var other => throw new ArgumentException($"Floor:Stack must be none or libraries, not '{other}'."),
};

if (libraries)
{
    await builder.AddLibrariesAsync();
}
else
{
    builder.Services.AddHealthChecks();
}

// MemoryServices: the host trims the heap in its first quiet spell after start-up; both yardsticks do it too.
builder.Services.AddHostedService<StartupTrim>();

var app = builder.Build();
if (libraries)
{
    app.UseLibraries();
}

app.MapHealthChecks("/health/ready");
await app.RunAsync();
