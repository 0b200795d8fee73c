using Archive.Core.Application;
using Archive.Core.Registry;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>Sổ văn bản đến: the register of a year, and its XLSX export.</summary>
public sealed class SoVanBanDenModel(IncomingRegister register, HttpActor actors, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public IReadOnlyList<IncomingRegisterLine> Lines { get; private set; } = [];

    public string? Find { get; private set; }

    public void OnGet(int? nam, string? tim)
    {
        Find = tim;
        Year = nam ?? clock.GetLocalNow().Year;
        Lines = register.Lines(Year, actors.Of(HttpContext), tim);
    }
}
