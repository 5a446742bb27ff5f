using System.Numerics.Tensors;
using AudioLab.Core.Audio;
using AudioLab.Core.Dsp;

namespace AudioLab.Engine.Rendering;

/// <summary>
/// One output file of an export: drops the first <c>skip</c> frames (graph latency), takes exactly <c>frames</c> frames,
/// scales, measures peak and clipping, dithers and writes to a temporary file. Render thread only.
/// </summary>
internal sealed class ExportSink : IDisposable
{
    private readonly WavWriter _writer;
    private readonly float _gain;
    private readonly bool _dither;
    private TpdfDither _tpdf;
    private float[] _interleaved = [];
    private long _skip;
    private long _remaining;

    public ExportSink(string finalPath, string tempPath, Guid? trackId, string name, SampleFormat format, int sampleRate,
        long skip, long frames, float gain, bool dither, ulong seed)
    {
        FinalPath = finalPath;
        TempPath = tempPath;
        TrackId = trackId;
        Name = name;
        _skip = skip;
        _remaining = frames;
        _gain = gain;
        _dither = dither && format is SampleFormat.Pcm16 or SampleFormat.Pcm24;
        _tpdf = new TpdfDither(format == SampleFormat.Pcm16 ? 16 : 24, seed);
        _writer = WavWriter.Create(tempPath, 2, sampleRate, format);
    }

    public string FinalPath { get; }
    public string TempPath { get; }
    public Guid? TrackId { get; }
    public string Name { get; }
    public float Peak { get; private set; }
    public long Clipped { get; private set; }
    public long FramesWritten => _writer.FramesWritten;
    public bool IsDone => _remaining == 0;

    public void Write(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        if (_skip > 0)
        {
            var drop = (int)Math.Min(_skip, left.Length);
            _skip -= drop;
            left = left[drop..];
            right = right[drop..];
        }
        var n = (int)Math.Min(_remaining, left.Length);
        if (n == 0) return;
        if (_interleaved.Length < 2 * n) _interleaved = new float[2 * n];
        var buf = _interleaved.AsSpan(0, 2 * n);
        for (int i = 0, j = 0; i < n; i++, j += 2)
        {
            buf[j] = left[i];
            buf[j + 1] = right[i];
        }
        if (_gain != 1f) TensorPrimitives.Multiply(buf, _gain, buf);
        var peak = MathF.Abs(TensorPrimitives.MaxMagnitude(buf));
        if (float.IsNaN(peak)) peak = float.PositiveInfinity;
        if (peak > Peak) Peak = peak;
        if (peak >= 1f)
        {
            foreach (var v in buf)
                if (!(MathF.Abs(v) < 1f)) Clipped++;
        }
        // Digital silence stays digital silence (an all-muted export is all zeros); any signal gets dithered.
        if (_dither && peak > 0) _tpdf.Apply(buf);
        _writer.Write(buf);
        _remaining -= n;
    }

    /// <summary>Finishes the header and closes the temporary file.</summary>
    public void Complete() => _writer.Dispose();

    public double? PeakDbfs => Peak > 0 ? Decibels.FromGain(Peak) : null;

    public void Dispose() => _writer.Dispose();
}
