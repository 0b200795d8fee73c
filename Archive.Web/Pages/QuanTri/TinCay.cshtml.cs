using Archive.Core.Trust;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Pages.QuanTri;

/// <summary>
/// Quản trị — chứng thư tin cậy: the root certificates the signature checks trust and the offline revocation lists; a new one is
/// uploaded, checked to be what it claims, and audited.
/// </summary>
public sealed class TinCayModel(TrustFolder trust, HttpActor actors) : FormPage
{
    public IReadOnlyList<TrustMaterial> Materials { get; private set; } = [];

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostAsync(string kind, IFormFile? file, CancellationToken cancellationToken)
    {
        var actor = actors.Of(HttpContext);
        TrustMaterial? added = null;
        if (file is null) Problem = "Chọn tệp chứng thư số (.cer, .crt, .pem) hoặc danh sách thu hồi (.crl) để tải lên.";
        else
        {
            await using var content = file.OpenReadStream();
            try
            {
                added = await trust.AddAsync(kind == "crl" ? TrustMaterialKind.Crl : TrustMaterialKind.Anchor, content,
                    Path.GetFileName(file.FileName), actor, cancellationToken);
            }
            catch (Exception e) when (e is TrustMaterialException or Archive.Core.Catalog.CatalogConflictException
                                           or Archive.Core.Storage.PathOutsideDataFolderException)
            {
                Problem = e.Message;
            }
        }
        if (added is not null) Done = $"Đã thêm {added.Name}: {added.Subject}.";
        Load();
        return Page();
    }

    private void Load() => Materials = trust.List(actors.Of(HttpContext));
}
