using Archive.Ingest.Conversion;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Conversion;

[TestFixture]
public sealed class ToolRunnerTests
{
    private static readonly ToolRunner Runner = new(Serilog.Core.Logger.None);

    private static ToolInvocation Invocation(string executable, params string[] arguments) =>
        new("fake-converter", executable, arguments, TimeSpan.FromMinutes(1), 1L << 30);

    [Test]
    public async Task Arguments_are_passed_as_a_list_never_through_a_shell()
    {
        using var folder = new TempFolder("runner-args");
        var echo = FakeTool.Write(folder, "echo-args", "for a in \"$@\"; do printf '[%s]\\n' \"$a\"; done");

        var result = await Runner.RunAsync(Invocation(echo, "a b", "$(touch pwned)", "; rm -rf /", "Quyết định"), CancellationToken.None);

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.StandardOutput, Is.EqualTo("[a b]\n[$(touch pwned)]\n[; rm -rf /]\n[Quyết định]\n"));
        Assert.That(File.Exists(Path.Combine(folder.Path, "pwned")), Is.False);
    }

    [Test]
    public async Task A_hanging_converter_and_its_children_are_killed_at_the_time_limit()
    {
        using var folder = new TempFolder("runner-hang");
        var pidFile = folder.File("child.pid");
        var hang = FakeTool.Write(folder, "hang", $"sleep 600 & echo $! > '{pidFile}'; wait");

        var e = Assert.ThrowsAsync<ConversionException>(() =>
            Runner.RunAsync(Invocation(hang) with { Timeout = TimeSpan.FromSeconds(1) }, CancellationToken.None));

        Assert.That(e!.Failure, Is.EqualTo(ConversionFailure.ToolTimedOut));
        Assert.That(e.Message, Does.Contain("fake-converter"));
        var child = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(Directory.Exists($"/proc/{child}") && !File.ReadAllText($"/proc/{child}/stat").Contains(" Z "), Is.False,
            "the converter's child process was killed too");
    }

    [Test]
    public void Cancellation_kills_the_converter()
    {
        using var folder = new TempFolder("runner-cancel");
        var hang = FakeTool.Write(folder, "hang", "sleep 600");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        Assert.That(async () => await Runner.RunAsync(Invocation(hang), cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void A_crashing_converter_is_reported_with_its_name_and_exit_code()
    {
        using var folder = new TempFolder("runner-crash");
        var crash = FakeTool.Write(folder, "crash", "echo 'segfault in render' >&2; kill -SEGV $$");

        var e = Assert.ThrowsAsync<ConversionException>(async () =>
            (await Runner.RunAsync(Invocation(crash), CancellationToken.None)).EnsureSucceeded());

        Assert.That(e!.Failure, Is.EqualTo(ConversionFailure.ToolFailed));
        Assert.That(e.ExitCode, Is.EqualTo(139));
        Assert.That(e.Message, Does.Contain("fake-converter").And.Contain("139").And.Contain("tín hiệu 11").And.Contain("segfault in render"));
    }

    [Test]
    public void A_missing_converter_is_named()
    {
        var e = Assert.ThrowsAsync<ConversionException>(() =>
            Runner.RunAsync(Invocation("/nonexistent/archive-converter"), CancellationToken.None));

        Assert.That(e!.Failure, Is.EqualTo(ConversionFailure.ToolMissing));
        Assert.That(e.Message, Does.Contain("fake-converter"));
    }

    [Test]
    public void A_converter_that_cannot_be_run_is_named()
    {
        using var folder = new TempFolder("runner-noexec");
        var path = folder.File("not-executable");
        File.WriteAllText(path, "#!/bin/sh\n");

        var e = Assert.ThrowsAsync<ConversionException>(() =>
            Runner.RunAsync(Invocation(path) with { MemoryLimitBytes = null }, CancellationToken.None));

        Assert.That(e!.Failure, Is.EqualTo(ConversionFailure.ToolMissing));
        Assert.That(e.Message, Does.Contain("fake-converter"));
    }

    [Test]
    public async Task Output_is_bounded()
    {
        using var folder = new TempFolder("runner-chatty");
        var chatty = FakeTool.Write(folder, "chatty", "head -c 1000000 /dev/zero | tr '\\0' x; head -c 1000000 /dev/zero | tr '\\0' y >&2");

        var result = await Runner.RunAsync(Invocation(chatty), CancellationToken.None);

        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.StandardOutput.Length, Is.LessThan(ToolRunner.OutputLimit + 100));
        Assert.That(result.StandardError, Does.StartWith("yyy").And.Contain("characters dropped"));
    }

    [Test]
    public void A_converter_that_exceeds_its_memory_limit_fails_by_name()
    {
        using var folder = new TempFolder("runner-greedy");
        ExternalTool.Require("python3", "python3");
        var greedy = FakeTool.Write(folder, "greedy", "exec python3 -c 'x = bytearray(1 << 30); print(len(x))'");

        var e = Assert.ThrowsAsync<ConversionException>(async () =>
            (await Runner.RunAsync(Invocation(greedy) with { MemoryLimitBytes = 256L * 1024 * 1024 }, CancellationToken.None)).EnsureSucceeded());

        Assert.That(e!.Failure, Is.EqualTo(ConversionFailure.ToolFailed));
        Assert.That(e.Message, Does.Contain("fake-converter").And.Contain("MemoryError"));
    }

    [Test]
    public async Task The_memory_limit_applies_to_the_converter()
    {
        using var folder = new TempFolder("runner-memory");
        var limits = FakeTool.Write(folder, "limits", "grep 'Max address space' /proc/self/limits");

        var result = await Runner.RunAsync(Invocation(limits) with { MemoryLimitBytes = 512L * 1024 * 1024 }, CancellationToken.None);

        Assert.That(result.StandardOutput, Does.Contain("536870912"));
    }
}
