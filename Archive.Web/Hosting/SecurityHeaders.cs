namespace Archive.Web.Hosting;

/// <summary>
/// Headers every answer carries: a Content-Security-Policy that allows only the archive's own scripts, styles and fonts (no
/// inline script, no other site, no framing), nosniff, and a referrer kept to this site.
/// </summary>
public static class SecurityHeaders
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
                                  "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; " +
                                  "frame-ancestors 'none'";

    /// <summary>
    /// The interactive API documentation (Scalar, served from the archive itself) starts with an inline module and styles
    /// itself inline: its pages, and only those, allow inline script and style.
    /// </summary>
    private const string DocsPolicy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
                                      "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
                                      "base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api/docs") ? DocsPolicy : Policy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        return next(http);
    });
}
