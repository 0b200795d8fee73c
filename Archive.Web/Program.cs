using System.Text;
using Archive.Web.Cli;

Console.OutputEncoding = Encoding.UTF8;
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await ArchiveCommandLine.RunAsync(args, Console.Out, Console.Error, TimeProvider.System, cancel.Token);
