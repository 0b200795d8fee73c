using Archive.Core.Application;
using Archive.Core.Registry;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>Sổ văn bản đi: the numbers one register gave in a year, and its XLSX export.</summary>
public sealed class SoVanBanDiModel(OutgoingRegister register, HttpActor actors, TimeProvider clock) : PageModel
{
    public int Year { get; private set; }

    public string Register { get; private set; } = "";

    public IReadOnlyList<OutgoingRegisterLine> Lines { get; private set; } = [];

    public string? Find { get; private set; }

    public void OnGet(int? nam, string? so, string? tim)
    {
        Find = tim;
        Year = nam ?? clock.GetLocalNow().Year;
        Register = string.IsNullOrWhiteSpace(so) ? Core.Issuing.NewOutgoingDocument.DefaultRegister : so.Trim();
        Lines = register.Lines(Year, Register, actors.Of(HttpContext), tim);
    }
}
