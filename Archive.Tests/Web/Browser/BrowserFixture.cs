using Microsoft.Playwright;

namespace Archive.Tests.Web.Browser;

/// <summary>
/// One Chromium (Debian's, driven by Microsoft.Playwright; no browser download) for every browser test of the run, started by
/// the first test that needs it (starting a browser costs more than most tests) and stopped when the run ends. Each test gets
/// its own context (cookies, storage), closed after it.
/// </summary>
public static class BrowserFixture
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    private static async Task<IBrowser> BrowserAsync()
    {
        await Starting.WaitAsync();
        try
        {
            if (_browser is not null) return _browser;
            if (!File.Exists(Chromium)) Assert.Fail($"{Chromium} is missing: the README's commands install Debian's chromium.");
            _playwright = await Playwright.CreateAsync();
            return _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Chromium, Headless = true,
                // As root (the tests run as root here) Chromium needs --no-sandbox; the rest keeps it off a network it cannot reach.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
            });
        }
        finally
        {
            Starting.Release();
        }
    }

    /// <summary>Called once when the whole run ends (<see cref="TestRun"/>).</summary>
    internal static async Task StopAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>
    /// A fresh context at 1366×768 in Vietnamese, recording the console errors, the CSP violations and every answer of 400 or more
    /// that the page reports.
    /// </summary>
    public static async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> OpenAsync(string baseUrl)
    {
        var context = await (await BrowserAsync()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl, Locale = "vi-VN", TimezoneId = "Asia/Ho_Chi_Minh", ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") lock (errors) errors.Add(message.Text);
        };
        page.PageError += (_, error) =>
        {
            lock (errors) errors.Add(error);
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) lock (errors) errors.Add($"{response.Status} {response.Url}");
        };
        return (context, page, errors);
    }

    /// <summary>Signs in through the sign-in page and waits to be taken on.</summary>
    public static async Task SignInAsync(IPage page, string login, string password)
    {
        await page.GotoAsync("/dang-nhap");
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", password);
        await page.ClickAsync("main button[type=submit]");
        // Taken on once the next page commits: what a test reads next waits for itself. Not WaitForURLAsync: when the page has
        // moved on before it is called, it waits for the load event instead, which timed out on a busy machine.
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (page.Url.Contains("/dang-nhap", StringComparison.Ordinal))
        {
            if (stopwatch.Elapsed > TimeSpan.FromSeconds(30))
                Assert.Fail($"{login} was not taken on after signing in: the page stayed at {page.Url}.");
            await page.WaitForTimeoutAsync(50);
        }
    }

    /// <summary>A request context without the browser's cookies: what another program (a scanner, a script) would send.</summary>
    public static async Task<IAPIRequestContext> PlainRequestAsync(string baseUrl)
    {
        await BrowserAsync();
        return await _playwright!.APIRequest.NewContextAsync(new APIRequestNewContextOptions { BaseURL = baseUrl });
    }

    /// <summary>Waits for the page to reach <paramref name="path"/>; when it does not, the failure says where it is and what it shows.</summary>
    public static async Task ReachAsync(IPage page, string path)
    {
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path,
                new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit, Timeout = 15_000 });
            // Loaded, by the page's own word: waiting for the "load" event missed it now and then on a busy machine (two pages of
            // the one browser navigating at once), the page there and drawn.
            await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null,
                new PageWaitForFunctionOptions { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            await ScreenshotAsync(page, "failed-" + path.Trim('/').Replace('/', '-'));
            Assert.Fail($"Expected {path}, the page is at {page.Url} and shows: {await page.TextContentAsync("body")}");
        }
    }

    /// <summary>How many dark pixels the first page drawn by pdf.js has: a drawn page has many, a blank canvas none.</summary>
    public static async Task<int> InkOnFirstPageAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('[data-test=pdf-viewer]')?.dataset.rendered");
        Assert.That(await page.GetAttributeAsync("[data-test=pdf-viewer]", "data-rendered"), Is.Not.EqualTo("error"));
        return await page.EvaluateAsync<int>("""
            () => {
              const canvas = document.querySelector('.pdf-page');
              const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
              let dark = 0;
              for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128 && pixels[i + 3] > 0) dark++;
              return dark;
            }
            """);
    }

    /// <summary>A full-page screenshot kept as a test artifact.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        TestContext.AddTestAttachment(file, name);
    }
}
