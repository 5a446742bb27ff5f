using AudioLab.Core.Audio;
using AudioLab.Engine.Realtime;

namespace AudioLab.Engine.Devices;

/// <summary>
/// Writes what the virtual device plays into a 32-bit float WAV file, so a test hears exactly what a listener would.
/// The audio thread interleaves each block into a ring; a writer thread drains it to disk and rewrites the header
/// about once a second.
/// </summary>
internal sealed class OutputCapture : IDisposable
{
    private readonly WavWriter _writer;
    private readonly SpscRingBuffer _ring;
    private readonly int _channels;
    private readonly float[][] _silence;
    private readonly Thread _thread;
    private volatile bool _stopping;

    /// <summary>Creates (or overwrites) the file. Control thread; does I/O.</summary>
    public OutputCapture(string path, int channels, int sampleRate, int maxBlockFrames, int ringFrames)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        _writer = new WavWriter(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 1 << 16),
            channels, sampleRate, SampleFormat.Float32);
        _channels = channels;
        _ring = new SpscRingBuffer(Math.Max(ringFrames, maxBlockFrames * 4) * channels);
        _silence = new float[channels][];
        for (var c = 0; c < channels; c++) _silence[c] = new float[maxBlockFrames];
        _thread = new Thread(WriteLoop) { IsBackground = true, Name = "AudioLab output capture writer" };
        _thread.Start();
    }

    /// <summary>Frames lost because the writer fell behind (real-time clock only).</summary>
    public long Overruns { get; private set; }

    /// <summary>Set when the writer thread failed (disk full, file removed); capture stops but playback goes on.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>
    /// Audio thread; never allocates. Queues one output block; with <paramref name="mayWait"/> (freewheel/manual) it waits
    /// for room instead of dropping.
    /// </summary>
    public void Write(float[][] outputs, int frames, bool mayWait)
    {
        var written = _ring.WriteInterleaved(outputs, _channels, 0, frames);
        while (written < frames && mayWait && Fault is null)
        {
            Thread.Sleep(0);
            written += _ring.WriteInterleaved(outputs, _channels, written, frames - written);
        }
        Overruns += frames - written;
    }

    /// <summary>Audio thread; never allocates. Records silence for periods lost to an xrun (the listener heard nothing).</summary>
    public void WriteSilence(long frames, bool mayWait)
    {
        var block = _silence[0].Length;
        while (frames > 0)
        {
            var n = (int)Math.Min(frames, block);
            Write(_silence, n, mayWait);
            frames -= n;
        }
    }

    private void WriteLoop()
    {
        var chunk = new float[8192 * _channels];
        var lastFlush = Environment.TickCount64;
        try
        {
            while (true)
            {
                var stopping = _stopping; // read before draining so the producer's last block is included
                var n = _ring.Read(chunk);
                if (n > 0)
                {
                    _writer.Write(chunk.AsSpan(0, n));
                }
                else if (stopping)
                {
                    break;
                }
                else
                {
                    Thread.Sleep(2);
                }
                if (Environment.TickCount64 - lastFlush >= 1000)
                {
                    _writer.Flush();
                    lastFlush = Environment.TickCount64;
                }
            }
        }
#pragma warning disable CA1031 // the writer thread must not take the process down; the fault is reported through Fault
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Fault = ex;
        }
    }

    /// <summary>Drains what is queued, finishes the file and closes it. Control thread; blocks until the file is written.</summary>
    public void Dispose()
    {
        _stopping = true;
        if (_thread.IsAlive) _thread.Join();
        _writer.Dispose();
    }
}
