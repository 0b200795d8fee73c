using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>
/// A page with forms: what the user can fix (a wrong value, a name already taken) comes back as a message above the form, with
/// what was typed kept; a refusal of rights is left to the 403 page.
/// </summary>
public abstract class FormPage : PageModel
{
    public string? Problem { get; protected set; }

    /// <summary>What a change left to show once: a one-time password, a token's secret, a confirmation.</summary>
    public string? Done { get; protected set; }

    protected IActionResult Attempt(Func<IActionResult> change, Action reload) =>
        // A synchronous change completes the task before it is awaited: no thread waits here.
        AttemptAsync(() => Task.FromResult(change()), reload).GetAwaiter().GetResult();

    /// <summary>Runs a change; a refusal the user can act on becomes <see cref="Problem"/> on the reloaded page.</summary>
    protected async Task<IActionResult> AttemptAsync(Func<Task<IActionResult>> change, Action reload)
    {
        try
        {
            return await change().ConfigureAwait(false);
        }
        catch (Exception e) when (AccessProblems.Refusal(e) is not null)
        {
            Problem = e.Message;
            reload();
            return Page();
        }
    }
}
