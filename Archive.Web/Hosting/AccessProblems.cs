using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Catalog;

namespace Archive.Web.Hosting;

/// <summary>Turns the services' refusals into HTTP answers (RFC 7807 problem details), in one place: 400, 401, 403, 404, 412.</summary>
public static class AccessProblems
{
    /// <summary>
    /// Errors the framework answers with an empty body (an unknown address, a body too large or not JSON, a wrong method) get
    /// the same Vietnamese page or problem document as the services' refusals.
    /// </summary>
    public static IApplicationBuilder UseBareStatusProblems(this IApplicationBuilder app) => app.UseStatusCodePages(async context =>
    {
        var http = context.HttpContext;
        var (title, detail) = http.Response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => ("Yêu cầu không hợp lệ",
                "Nội dung yêu cầu không đọc được: JSON sai cú pháp, thiếu trường bắt buộc hoặc giá trị sai kiểu."),
            StatusCodes.Status404NotFound => ("Không tìm thấy", $"Không có trang hay địa chỉ API '{http.Request.Path}'."),
            StatusCodes.Status405MethodNotAllowed => ("Phương thức không được hỗ trợ",
                $"Địa chỉ '{http.Request.Path}' không nhận yêu cầu {http.Request.Method}."),
            StatusCodes.Status413PayloadTooLarge => ("Yêu cầu quá lớn",
                "Nội dung gửi lên vượt quá giới hạn cho phép; tệp văn bản hãy gửi qua Tiếp nhận văn bản (tối đa 2 GiB một lần gửi)."),
            StatusCodes.Status415UnsupportedMediaType => ("Sai kiểu nội dung",
                "Kiểu nội dung gửi lên không được nhận ở đây (cần application/json, hoặc multipart/form-data khi gửi tệp)."),
            _ => ("Lỗi", $"Yêu cầu không thực hiện được (mã {http.Response.StatusCode})."),
        };
        if (IsPage(http)) await Page(http, http.Response.StatusCode, title, detail).ConfigureAwait(false);
        else await Problem(http, http.Response.StatusCode, title, detail).ConfigureAwait(false);
    });

    public static IApplicationBuilder UseAccessProblems(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http).ConfigureAwait(false);
        }
        catch (NotSignedInException e)
        {
            // A person on a page is taken to the sign-in page, and brought back afterwards.
            if (IsPage(http)) http.Response.Redirect($"/dang-nhap?ReturnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}");
            else await Problem(http, StatusCodes.Status401Unauthorized, "Chưa đăng nhập", e.Message).ConfigureAwait(false);
        }
        catch (AccessDeniedException e)
        {
            if (IsPage(http) && e.Message.StartsWith("Cần đổi mật khẩu", StringComparison.Ordinal)) http.Response.Redirect("/doi-mat-khau");
            else if (IsPage(http)) await Page(http, StatusCodes.Status403Forbidden, "Không được phép", e.Message).ConfigureAwait(false);
            else await Problem(http, StatusCodes.Status403Forbidden, "Không được phép", e.Message).ConfigureAwait(false);
        }
        catch (CatalogValidationException e) when (!IsPage(http))
        {
            // Each error under its TT 02 tag, so that a form can show it beside its field.
            var errors = e.Errors.GroupBy(x => x.Field.Tag).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray());
            await Results.ValidationProblem(errors, e.Message, title: "Siêu dữ liệu không hợp lệ").ExecuteAsync(http).ConfigureAwait(false);
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            if (IsPage(http)) await Page(http, refusal.Status, refusal.Title, e.Message).ConfigureAwait(false);
            else await Problem(http, refusal.Status, refusal.Title, e.Message).ConfigureAwait(false);
        }
        catch (Npgsql.NpgsqlException e) when (!http.Response.HasStarted)
        {
            // The shared catalog's database is away (restarting, the network): nothing was done, the same request may be sent
            // again.
            http.RequestServices.GetRequiredService<Serilog.ILogger>()
                .Warning(e, "The catalog database did not answer {Path}", http.Request.Path);
            http.Response.Headers.RetryAfter = "10";
            const string detail =
                "Cơ sở dữ liệu của danh mục tạm thời không trả lời; yêu cầu chưa được thực hiện. Vui lòng thử lại sau ít phút.";
            if (IsPage(http)) await Page(http, StatusCodes.Status503ServiceUnavailable, "Tạm thời gián đoạn", detail).ConfigureAwait(false);
            else await Problem(http, StatusCodes.Status503ServiceUnavailable, "Tạm thời gián đoạn", detail).ConfigureAwait(false);
        }
    });

    /// <summary>
    /// The refusals a person can act on (a wrong value, a name taken, an edit made on an older version, a missing record):
    /// their status and title; null for anything else. A form page shows them as a message above the form.
    /// </summary>
    public static (int Status, string Title)? Refusal(Exception e) => e switch
    {
        StaleRevisionException => (StatusCodes.Status412PreconditionFailed, "Đã có người sửa trước"),
        CatalogNotFoundException => (StatusCodes.Status404NotFound, "Không tìm thấy"),
        InvalidRequestException or AccountValidationException or CatalogValidationException or CatalogConflictException
            or DossierLifecycleException or MetadataFormatException or Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException
            or Archive.Core.Trust.TrustMaterialException or Archive.Core.Storage.PathOutsideDataFolderException
            => (StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ"),
        _ => null,
    };

    /// <summary>A page, or a form posted from one: answered with a page, not a problem document.</summary>
    private static bool IsPage(HttpContext http) => !http.Request.Path.StartsWithSegments("/api");

    /// <summary>A refusal on a page: a page of its own, in Vietnamese, with the way back; the message is encoded as text.</summary>
    private static Task Page(HttpContext http, int status, string title, string detail) => Results.Content($"""
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Html(title)} — Lưu trữ điện tử</title><link rel="stylesheet" href="/lib/bootstrap/bootstrap.min.css"></head>
        <body><main class="container py-5"><h1 class="h3">{Html(title)}</h1><p class="alert alert-warning">{Html(detail)}</p>
        <p><a href="/">Về trang chủ</a></p></main></body></html>
        """, "text/html; charset=utf-8", statusCode: status).ExecuteAsync(http);

    // Vietnamese stays text, as on the pages; only markup characters become references.
    private static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Html(string text) => Encoder.Encode(text);

    private static Task Problem(HttpContext http, int status, string title, string detail) =>
        Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(http);
}
