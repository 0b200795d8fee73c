using Archive.Core.Application;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>Trang chủ: what waits for the signed-in user.</summary>
public sealed class IndexModel(WorkplaceHome home, HttpActor actors, TimeProvider clock) : PageModel
{
    public TimeZoneInfo Zone => clock.LocalTimeZone;

    public HomeSummary Home { get; private set; } = null!;

    public void OnGet() => Home = home.Of(actors.Of(HttpContext));
}
