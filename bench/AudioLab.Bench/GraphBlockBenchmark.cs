using AudioLab.Core.Audio;
using AudioLab.Engine.Graph;
using AudioLab.Engine.Streaming;
using BenchmarkDotNet.Attributes;

namespace AudioLab.Bench;

/// <summary>
/// Audio-thread cost of one block of a 32-track graph with 3 effects per track (EQ, compressor, delay) and a master
/// limiter, as live playback runs it: the disk butler fills the rings on its own thread, the measured code only
/// processes. Each invocation plays <see cref="BlocksPerInvoke"/> consecutive blocks; the playhead is rewound and the
/// rings refilled between iterations, outside the measurement.
/// </summary>
[MemoryDiagnoser]
public class GraphBlockBenchmark
{
    private const int BlocksPerInvoke = 2000;
    private const int Tracks = 32;
    private string _dir = "";
    private PlaybackGraph _graph = null!;
    private DiskReader _disk = null!;
    private float[] _left = [], _right = [];

    [Params(64, 128, 256)]
    public int Frames { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Path.Combine(Path.GetTempPath(), "audiolab-bench-graph-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
        var seconds = BlocksPerInvoke * Frames / 48000 + 2;
        var files = new List<(string, long, int)>();
        for (var t = 0; t < Tracks; t++)
        {
            var path = Path.Combine(_dir, $"t{t:D2}.wav");
            var frames = seconds * 48000;
            using (var w = WavWriter.Create(path, 2, 48000, SampleFormat.Pcm24))
            {
                var rng = new Random(t);
                var buf = new float[frames * 2];
                for (var i = 0; i < buf.Length; i++) buf[i] = (float)(0.3 * Math.Sin(i * (0.01 + t * 0.001)) + 0.05 * (rng.NextDouble() - 0.5));
                w.Write(buf);
            }
            files.Add((path, frames, 2));
        }
        var options = new GraphBuildOptions { MaxBlockFrames = Frames, StreamBufferFrames = 1 << 16 };
        _graph = new GraphBuilder().Build(BenchProject.Create(files), options);
        _disk = new DiskReader(_graph.Streams);
        _disk.Start();
        _left = new float[Frames];
        _right = new float[Frames];
    }

    [IterationSetup]
    public void Rewind()
    {
        _graph.Locate(0);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_graph.Streams.Any(s => s.BufferedFrames < Math.Min(s.Capacity / 2, s.LengthFrames)) && DateTime.UtcNow < deadline) Thread.Sleep(1);
    }

    [Benchmark(OperationsPerInvoke = BlocksPerInvoke)]
    public void ProcessBlock()
    {
        for (var b = 0; b < BlocksPerInvoke; b++)
        {
            Array.Clear(_left);
            Array.Clear(_right);
            _graph.Process((long)b * Frames, Frames, _left, _right);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _disk.Dispose();
        _graph.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
