using Archive.Core.Application;
using Archive.Core.Copies;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>
/// Xác thực bản sao: public (no sign-in), where a copy's QR code leads. Says whether a file or a code is a copy this archive
/// issued, unchanged, and which; nothing of the document's content.
/// </summary>
public sealed class XacThucModel(CopyService copies) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "ma")]
    public string? Code { get; set; }

    public bool Checked { get; private set; }

    public bool ByFile { get; private set; }

    public CopyVerification? Found { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrWhiteSpace(Code)) return;
        Checked = true;
        Found = copies.Verify(null, Code);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            ByFile = Request.Form.Files.GetFile("file") is { Length: > 0 };
            Found = await CopyEndpoints.VerifyAsync(Request, copies, HttpContext.RequestAborted).ConfigureAwait(false);
            Checked = true;
        }
        catch (InvalidRequestException e)
        {
            Problem = e.Message;
        }
        return Page();
    }
}
