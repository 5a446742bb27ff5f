using AudioLab.Core.Audio;
using AudioLab.Engine.Realtime;

namespace AudioLab.Engine.Devices;

/// <summary>
/// Plays a WAV file as the virtual device's input. A reader thread decodes the file into a ring; the audio thread only
/// copies out of the ring, so no file I/O ever happens on the clock thread.
/// </summary>
internal sealed class WavFileInput : IDisposable
{
    private const int ChunkFrames = 4096;

    private readonly WavReader _reader;
    private readonly bool _loop;
    private readonly int _channels;
    private readonly SpscRingBuffer _ring;
    private readonly float[][] _scratch;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _primed = new();
    private volatile bool _finished;
    private volatile bool _stopping;

    /// <summary>Opens the file and checks it can be played at <paramref name="sampleRate"/>. Control thread; does I/O.</summary>
    public WavFileInput(string path, bool loop, int sampleRate, int maxBlockFrames, int ringFrames)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The virtual device's input file '{path}' does not exist.", path);
        _reader = WavReader.Open(path);
        if (_reader.Info.SampleRate != sampleRate)
        {
            _reader.Dispose();
            throw new InvalidOperationException(
                $"The virtual device's input file '{path}' is {_reader.Info.SampleRate} Hz but the stream runs at {sampleRate} Hz; resampling is not done here.");
        }
        _loop = loop;
        _channels = _reader.Info.Channels;
        _ring = new SpscRingBuffer(Math.Max(ringFrames, ChunkFrames * 2) * _channels);
        _scratch = new float[_channels][];
        for (var c = 0; c < _channels; c++) _scratch[c] = new float[maxBlockFrames];
        _thread = new Thread(ReadLoop) { IsBackground = true, Name = "AudioLab virtual input reader" };
    }

    /// <summary>Input buffers the reader could not fill in time (real-time clock only).</summary>
    public long Underruns { get; private set; }

    /// <summary>Starts the reader thread and waits until the ring holds its first chunk. Control thread; blocks briefly.</summary>
    public void Start()
    {
        _thread.Start();
        _primed.Wait(TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Audio thread; never allocates. Fills the input block; with <paramref name="mayWait"/> (freewheel and manual clocks)
    /// it waits for the reader instead of inserting silence, so results do not depend on thread timing.
    /// </summary>
    public void Fill(float[][] inputs, int frames, bool mayWait)
    {
        var got = _ring.ReadDeinterleaved(_scratch, _channels, 0, frames);
        while (got < frames)
        {
            var finished = _finished; // read before the ring so a last write is not missed
            got += _ring.ReadDeinterleaved(_scratch, _channels, got, frames - got);
            if (got == frames) break;
            if (finished && _ring.AvailableToRead == 0) break; // the file (played once) has ended
            if (!mayWait)
            {
                Underruns++;
                break;
            }
            Thread.Sleep(0);
        }
        for (var c = 0; c < _channels; c++) _scratch[c].AsSpan(got, frames - got).Clear();
        for (var c = 0; c < inputs.Length; c++) _scratch[c % _channels].AsSpan(0, frames).CopyTo(inputs[c]);
    }

    /// <summary>Audio thread; never allocates. Drops frames whose period was lost to an xrun, so the file stays in time.</summary>
    public void Skip(long frames) => _ring.Skip((int)Math.Min(frames * _channels, int.MaxValue));

    private void ReadLoop()
    {
        var chunk = new float[ChunkFrames * _channels];
        try
        {
            while (!_stopping)
            {
                if (_ring.AvailableToWrite < chunk.Length)
                {
                    _primed.Set();
                    Thread.Sleep(2);
                    continue;
                }
                var frames = _reader.Read(chunk);
                if (frames == 0)
                {
                    if (!_loop || _reader.Length == 0) break;
                    _reader.Seek(0);
                    continue;
                }
                _ring.Write(chunk.AsSpan(0, frames * _channels));
            }
        }
        finally
        {
            _finished = true;
            _primed.Set();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        if (_thread.IsAlive) _thread.Join();
        _reader.Dispose();
        _primed.Dispose();
    }
}
