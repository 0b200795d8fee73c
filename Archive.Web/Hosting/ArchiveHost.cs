using Archive.Core;
using Scalar.AspNetCore;
using ILogger = Serilog.ILogger;
using Serilog;

namespace Archive.Web.Hosting;

/// <summary>The web host: a short list of registrations and endpoint groups.</summary>
public static class ArchiveHost
{
    /// <param name="compose">The archive's one composition (Core, Ingest, Search), the same the command line builds.</param>
    public static WebApplication Build(Func<IServiceCollection, IServiceCollection> compose, ArchiveSettings settings, ILogger log,
        string urls)
    {
        // The pages and their assets (web/) are found beside archive.dll, wherever the command is run from.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory, WebRootPath = Path.Combine(AppContext.BaseDirectory, "web"),
        });
        builder.Services.AddSerilog(log, dispose: false);
        builder.WebHost.UseUrls(urls);
        compose(builder.Services);
        builder.Services.AddSingleton<HttpActor>();
        builder.Services.AddSingleton<HealthProbe>();
        builder.Services.AddProblemDetails();
        builder.Services.AddRazorPages(o =>
        {
            foreach (var (page, policy) in new[] { ("/DangNhap", SignInRateLimit.Policy), ("/VanBan", ReadAdmission.Policy) })
                o.Conventions.AddPageApplicationModelConvention(page, model => model.EndpointMetadata.Add(RateLimit(policy)));
        });
        builder.Services.AddSignInRateLimit(settings.SignInAttemptsPerMinute);
        builder.Services.AddReadAdmission(settings.ConcurrentReads);
        builder.Services.AddOpenApi();
        // Vietnamese is written as text, not as character references; markup characters are still encoded.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddArchiveSessions(new Archive.Core.Storage.DataFolder(settings.DataFolder).SessionKeys);
        builder.Services.ConfigureHttpJsonOptions(o => ArchiveJson.Configure(o.SerializerOptions));

        var app = builder.Build();
        app.UseSecurityHeaders();
        app.UseBareStatusProblems();
        app.UseStaticFiles();
        app.UseAccessProblems();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAntiforgery();
        app.MapHealth();
        app.MapSignIn();
        app.MapRazorPages();
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs", o => o
            .WithTitle("Lưu trữ điện tử — API").WithOpenApiRoutePattern("/openapi/{documentName}.json").DisableDefaultFonts());
        app.MapPreservation();
        app.MapDocuments();
        app.MapSearch();
        app.MapInbox();
        app.MapDossiers();
        app.MapAccounts();
        app.MapRights();
        app.MapRegisters();
        app.MapTransfers();
        app.MapDisposals();
        app.MapTasks();
        app.MapOutgoing();
        app.MapStatistics();
        app.MapCopies();
        return app;
    }

    private static Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute RateLimit(string policy) => new(policy);
}
