using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Catalog;

namespace Archive.Web.Hosting;

/// <summary>Turns the services' refusals into HTTP answers (RFC 7807 problem details), in one place: 401, 403, 404.</summary>
public static class AccessProblems
{
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
            else await Problem(http, StatusCodes.Status403Forbidden, "Không được phép", e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidRequestException or AccountValidationException or CatalogValidationException
                                       or CatalogConflictException or DossierLifecycleException)
        {
            await Problem(http, StatusCodes.Status400BadRequest, "Yêu cầu không hợp lệ", e.Message).ConfigureAwait(false);
        }
        catch (CatalogNotFoundException e)
        {
            await Problem(http, StatusCodes.Status404NotFound, "Không tìm thấy", e.Message).ConfigureAwait(false);
        }
    });

    private static bool IsPage(HttpContext http) => !http.Request.Path.StartsWithSegments("/api") && HttpMethods.IsGet(http.Request.Method);

    private static Task Problem(HttpContext http, int status, string title, string detail) =>
        Results.Problem(detail, statusCode: status, title: title).ExecuteAsync(http);
}
