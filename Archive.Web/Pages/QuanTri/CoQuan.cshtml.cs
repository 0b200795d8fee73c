using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Pages.QuanTri;

/// <summary>Quản trị — cơ quan: the agencies of the catalog (mã định danh QĐ 20/2020) and a new one.</summary>
public sealed class CoQuanModel(CatalogService catalog, HttpActor actors) : FormPage
{
    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public void OnGet() => Load();

    public IActionResult OnPost(string code, string name, string? parent) => Attempt(() =>
    {
        var agency = catalog.CreateAgency(code ?? "", name ?? "", string.IsNullOrWhiteSpace(parent) ? null : parent,
            actors.Of(HttpContext));
        Done = $"Đã thêm cơ quan {agency.Code} — {agency.Name}.";
        Load();
        return Page();
    }, Load);

    private void Load() => Agencies = catalog.Agencies(actors.Of(HttpContext));
}
