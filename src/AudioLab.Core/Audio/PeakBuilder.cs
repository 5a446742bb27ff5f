namespace AudioLab.Core.Audio;

/// <summary>
/// Min/max pairs for drawing a waveform: frames are grouped in runs of <see cref="FramesPerPeak"/> and each
/// run keeps only its lowest and highest sample per channel. Fed by streaming; memory is the result only.
/// </summary>
public sealed class PeakBuilder
{
    private readonly float[][] _peaks;
    private readonly long _totalFrames;
    private long _frame;

    public int Channels { get; }
    public long FramesPerPeak { get; }

    /// <summary>Number of min/max pairs per channel: ceil(totalFrames / framesPerPeak).</summary>
    public int PeakCount { get; }

    public PeakBuilder(int channels, long totalFrames, long framesPerPeak, int maxPeaks = 1_000_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(totalFrames);
        ArgumentOutOfRangeException.ThrowIfLessThan(framesPerPeak, 1);
        var count = (totalFrames + framesPerPeak - 1) / framesPerPeak;
        if (count > maxPeaks) throw new ArgumentOutOfRangeException(nameof(framesPerPeak), $"That resolution gives {count} peaks; at most {maxPeaks} are allowed.");
        Channels = channels;
        FramesPerPeak = framesPerPeak;
        PeakCount = (int)count;
        _totalFrames = totalFrames;
        _peaks = new float[channels][];
        for (var c = 0; c < channels; c++) _peaks[c] = new float[PeakCount * 2];
    }

    /// <summary>Interleaved pairs per channel: [min0, max0, min1, max1, ...].</summary>
    public IReadOnlyList<float[]> Peaks => _peaks;

    /// <summary>Adds whole interleaved frames; frames past the declared total are ignored.</summary>
    public void Add(ReadOnlySpan<float> interleaved)
    {
        if (interleaved.Length % Channels != 0) throw new ArgumentException("Partial frame.", nameof(interleaved));
        var frames = (int)Math.Min(interleaved.Length / Channels, _totalFrames - _frame);
        for (var f = 0; f < frames; f++, _frame++)
        {
            var peak = (int)(_frame / FramesPerPeak);
            var first = _frame % FramesPerPeak == 0;
            for (var c = 0; c < Channels; c++)
            {
                var v = interleaved[f * Channels + c];
                var pair = _peaks[c];
                if (first)
                {
                    pair[2 * peak] = v;
                    pair[2 * peak + 1] = v;
                }
                else
                {
                    if (v < pair[2 * peak]) pair[2 * peak] = v;
                    if (v > pair[2 * peak + 1]) pair[2 * peak + 1] = v;
                }
            }
        }
    }
}
