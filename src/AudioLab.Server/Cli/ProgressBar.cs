using System.Globalization;

namespace AudioLab.Server.Cli;

/// <summary>
/// A text progress bar on stderr: redrawn in place on a terminal, one line per 10 % when stderr is a file or pipe
/// (so logs stay readable). Reports come from the render thread; the lock keeps lines whole.
/// </summary>
internal sealed class ProgressBar(TextWriter writer, string label) : IProgress<double>, IDisposable
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private int _lastPercent = -1;
    private bool _finished;

    public void Report(double value)
    {
        var percent = (int)Math.Floor(Math.Clamp(value, 0, 1) * 100);
        lock (_gate)
        {
            if (_finished || percent == _lastPercent) return;
            if (!_interactive && percent / 10 == _lastPercent / 10 && percent != 100) return;
            _lastPercent = percent;
            var filled = percent * Width / 100;
            var bar = string.Create(CultureInfo.InvariantCulture, $"{label} [{new string('#', filled)}{new string('-', Width - filled)}] {percent,3}%");
            if (_interactive) writer.Write("\r" + bar);
            else writer.WriteLine(bar);
        }
    }

    public void Complete()
    {
        Report(1);
        Finish();
    }

    /// <summary>Ends the bar's line without claiming completion.</summary>
    public void Abort() => Finish();

    private void Finish()
    {
        lock (_gate)
        {
            if (_finished) return;
            _finished = true;
            if (_interactive && _lastPercent >= 0) writer.WriteLine();
            writer.Flush();
        }
    }

    public void Dispose() => Finish();
}
