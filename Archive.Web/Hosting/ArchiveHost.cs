using Archive.Core.Storage;
using ILogger = Serilog.ILogger;
using Serilog;

namespace Archive.Web.Hosting;

/// <summary>The web host: a short list of registrations and endpoint groups.</summary>
public static class ArchiveHost
{
    public static WebApplication Build(ArchiveStore store, TimeProvider clock, ILogger log, string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSerilog(log, dispose: false);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton<HealthProbe>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        });

        var app = builder.Build();
        app.MapHealth();
        app.MapPreservation();
        return app;
    }
}
