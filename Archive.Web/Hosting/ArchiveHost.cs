using Archive.Core;
using Archive.Core.Access;
using Archive.Core.Storage;
using ILogger = Serilog.ILogger;
using Serilog;

namespace Archive.Web.Hosting;

/// <summary>The web host: a short list of registrations and endpoint groups.</summary>
public static class ArchiveHost
{
    public static WebApplication Build(ArchiveStore store, RestrictedCollection restricted, ArchiveSettings settings, TimeProvider clock, ILogger log,
        string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSerilog(log, dispose: false);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddArchiveCore(store, restricted, clock, log);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<HttpActor>();
        builder.Services.AddSingleton<HealthProbe>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });

        var app = builder.Build();
        app.UseAccessProblems();
        app.MapHealth();
        app.MapPreservation();
        app.MapDocuments();
        return app;
    }
}
