using Archive.Core.Application;
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

    public Task<IActionResult> OnPostAsync(string kind, IFormFile? file, CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
    {
        if (file is null)
            throw new InvalidRequestException("Chọn tệp chứng thư số (.cer, .crt, .pem) hoặc danh sách thu hồi (.crl) để tải lên.");
        await using var content = file.OpenReadStream();
        var added = await trust.AddAsync(kind == "crl" ? TrustMaterialKind.Crl : TrustMaterialKind.Anchor, content,
            Path.GetFileName(file.FileName), actors.Of(HttpContext), cancellationToken);
        Done = $"Đã thêm {added.Name}: {added.Subject}.";
        Load();
        return Page();
    }, Load);

    private void Load() => Materials = trust.List(actors.Of(HttpContext));
}
