using System.Numerics.Tensors;

namespace AudioLab.Core.Dsp;

/// <summary>
/// Sample-rate converter: a Kaiser-windowed sinc low-pass evaluated as a polyphase filter bank
/// (out/in reduced to L/M; one coefficient row per phase, interpolated between rows when L is huge).
/// The pass band reaches 0.455 x the lower rate (20 kHz for 44.1 kHz), the stop band starts at the
/// lower Nyquist frequency and is attenuated by <c>stopbandDb</c> (100 dB by default).
/// Zero phase: output frame n sits exactly at input time n*in/out. Streaming with bounded memory;
/// the total output is exactly <see cref="OutputLength"/> frames. Not thread-safe; not for the audio thread
/// (it is meant for imports and offline work on ordinary threads).
/// </summary>
public sealed class Resampler
{
    private const int MaxPhases = 4096;
    private const int ChunkFrames = 4096;
    private const double PassFraction = 0.455;
    private const double StopFraction = 0.5;

    private readonly int _channels;
    private readonly int _l;
    private readonly int _m;
    private readonly int _half;
    private readonly int _taps;
    private readonly int _phases;
    private readonly float[] _table;
    private readonly float[] _interpolated;
    private readonly float[][] _buffer;
    private readonly int _capacity;
    private int _bufferFrames;
    private long _bufferStart;
    private long _inputFrames;
    private long _outputIndex;
    private long _inputPosition;
    private long _remainder;
    private bool _flushing;

    public int Channels => _channels;
    public int InputRate { get; }
    public int OutputRate { get; }

    /// <summary>Taps of the filter on each side of an output frame, in input frames (the converter's look-ahead).</summary>
    public int HalfLength => _half;

    public Resampler(int channels, int inputRate, int outputRate, double stopbandDb = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stopbandDb, 40);
        _channels = channels;
        InputRate = inputRate;
        OutputRate = outputRate;
        var g = Gcd(inputRate, outputRate);
        _l = outputRate / g;
        _m = inputRate / g;

        // Everything below is in cycles per input sample.
        var lower = (double)Math.Min(inputRate, outputRate) / inputRate;
        var transition = (StopFraction - PassFraction) * lower;
        var cutoff = (StopFraction + PassFraction) / 2 * lower;
        var beta = stopbandDb > 50 ? 0.1102 * (stopbandDb - 8.7) : 0.5842 * Math.Pow(stopbandDb - 21, 0.4) + 0.07886 * (stopbandDb - 21);
        var taps = (stopbandDb - 7.95) / (2.285 * 2 * Math.PI * transition);
        _half = (int)Math.Ceiling(taps / 2) + 1;
        _taps = 2 * _half;
        _phases = Math.Min(_l, MaxPhases);
        _table = BuildTable(_phases, _half, cutoff, beta);
        _interpolated = new float[_taps];

        _capacity = _taps + ChunkFrames;
        _buffer = new float[channels][];
        for (var c = 0; c < channels; c++) _buffer[c] = new float[_capacity];
        // The signal is silent before frame 0: H-1 zero frames let output 0 see a full window.
        _bufferStart = -(_half - 1);
        _bufferFrames = _half - 1;
    }

    /// <summary>round(inputFrames * outputRate / inputRate): the exact number of frames a whole stream converts to.</summary>
    public static long OutputLength(long inputFrames, int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputFrames);
        var product = (Int128)inputFrames * outputRate;
        return (long)((2 * product + inputRate) / (2 * (Int128)inputRate));
    }

    /// <summary>Output capacity (frames) that is always enough for one <see cref="Process"/> call with <paramref name="inputFrames"/> frames.</summary>
    public int MaxOutputFrames(int inputFrames) => (int)Math.Ceiling((double)inputFrames * _l / _m) + 2;

    /// <summary>
    /// Consumes whole interleaved input frames and writes the output frames they complete.
    /// <paramref name="output"/> must hold <see cref="MaxOutputFrames"/> frames. Returns frames written.
    /// </summary>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        if (_flushing) throw new InvalidOperationException("The resampler has been flushed.");
        if (input.Length % _channels != 0) throw new ArgumentException("Partial frame.", nameof(input));
        var frames = input.Length / _channels;
        if (output.Length / _channels < MaxOutputFrames(frames)) throw new ArgumentException("The output span is too small; size it with MaxOutputFrames.", nameof(output));
        var written = 0;
        var offset = 0;
        while (offset < frames)
        {
            var n = Math.Min(frames - offset, _capacity - _bufferFrames);
            Append(input.Slice(offset * _channels, n * _channels), n);
            offset += n;
            _inputFrames += n;
            written += Produce(output[(written * _channels)..], long.MaxValue);
            Compact();
        }
        return written;
    }

    /// <summary>
    /// Ends the stream: writes the remaining output (the tail the look-ahead held back), at most what fits
    /// in <paramref name="output"/>. Call until it returns 0.
    /// </summary>
    public int Flush(Span<float> output)
    {
        _flushing = true;
        var target = OutputLength(_inputFrames, InputRate, OutputRate);
        var written = 0;
        while (_outputIndex < target && written * _channels < output.Length)
        {
            // Pad with silence past the end so the last outputs see a full window.
            var n = Math.Min(ChunkFrames, _capacity - _bufferFrames);
            for (var c = 0; c < _channels; c++) Array.Clear(_buffer[c], _bufferFrames, n);
            _bufferFrames += n;
            written += Produce(output[(written * _channels)..], target);
            Compact();
        }
        return written;
    }

    private void Append(ReadOnlySpan<float> interleaved, int frames)
    {
        for (var c = 0; c < _channels; c++)
        {
            var dst = _buffer[c];
            for (int f = 0, i = c; f < frames; f++, i += _channels) dst[_bufferFrames + f] = interleaved[i];
        }
        _bufferFrames += frames;
    }

    private int Produce(Span<float> output, long limit)
    {
        var written = 0;
        var end = _bufferStart + _bufferFrames;
        var maxFrames = output.Length / _channels;
        var stepWhole = _m / _l;
        var stepRemainder = _m % _l;
        while (_outputIndex < limit && _inputPosition + _half < end && written < maxFrames)
        {
            var coefficients = Coefficients(_remainder);
            var start = (int)(_inputPosition - _half + 1 - _bufferStart);
            for (var c = 0; c < _channels; c++)
                output[written * _channels + c] = TensorPrimitives.Dot(coefficients, _buffer[c].AsSpan(start, _taps));
            written++;
            _outputIndex++;
            _inputPosition += stepWhole;
            _remainder += stepRemainder;
            if (_remainder >= _l)
            {
                _remainder -= _l;
                _inputPosition++;
            }
        }
        return written;
    }

    /// <summary>The filter row for fractional position remainder/L, interpolated when the table has fewer than L phases.</summary>
    private ReadOnlySpan<float> Coefficients(long remainder)
    {
        if (_phases == _l) return _table.AsSpan((int)remainder * _taps, _taps);
        var position = (double)remainder * _phases / _l;
        var row = (int)position;
        var t = (float)(position - row);
        var a = _table.AsSpan(row * _taps, _taps);
        var b = _table.AsSpan((row + 1) * _taps, _taps);
        for (var j = 0; j < _taps; j++) _interpolated[j] = a[j] + t * (b[j] - a[j]);
        return _interpolated;
    }

    private void Compact()
    {
        var keepFrom = _inputPosition - _half + 1;
        var drop = (int)Math.Min(keepFrom - _bufferStart, _bufferFrames);
        if (drop <= 0) return;
        for (var c = 0; c < _channels; c++) Array.Copy(_buffer[c], drop, _buffer[c], 0, _bufferFrames - drop);
        _bufferFrames -= drop;
        _bufferStart += drop;
    }

    /// <summary>Rows for fractions p/P, p = 0..P (one extra row so interpolation never reads past the end).</summary>
    private static float[] BuildTable(int phases, int half, double cutoff, double beta)
    {
        var taps = 2 * half;
        var table = new float[(phases + 1) * taps];
        var i0Beta = BesselI0(beta);
        for (var p = 0; p <= phases; p++)
        {
            var fraction = (double)p / phases;
            for (var j = 0; j < taps; j++)
            {
                // Distance from the output instant to input tap j.
                var t = fraction + half - 1 - j;
                var r = t / half;
                var window = Math.Abs(r) >= 1 ? 0 : BesselI0(beta * Math.Sqrt(1 - r * r)) / i0Beta;
                table[p * taps + j] = (float)(2 * cutoff * Sinc(2 * cutoff * t) * window);
            }
        }
        return table;
    }

    private static double Sinc(double x) => Math.Abs(x) < 1e-12 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (var k = 1; k < 200; k++)
        {
            term *= half / k * (half / k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
