using System.Diagnostics;
using AudioLab.Core.Audio;
using AudioLab.Engine.Devices;
using AudioLab.Engine.Model;
using AudioLab.Engine.Session;

namespace AudioLab.Engine.Tests.Session;

/// <summary>Temp folder, WAV files, project models and a manual-clock virtual device for session tests.</summary>
internal sealed class SessionKit : IDisposable
{
    public const int Rate = 48_000;
    public const int Block = 128;

    public SessionKit()
    {
        Folder = Path.Combine(Path.GetTempPath(), "audiolab-session-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string CaptureFolder => Path.Combine(Folder, "capture");

    /// <summary>Writes a mono float32 WAV.</summary>
    public string WriteMono(string name, float[] samples)
    {
        var path = Path.Combine(Folder, name);
        using var writer = new WavWriter(File.Create(path), 1, Rate, SampleFormat.Float32);
        writer.Write(samples);
        return path;
    }

    /// <summary>Silence with single-sample clicks of <paramref name="value"/> at the given frames.</summary>
    public static float[] Clicks(int length, IEnumerable<int> at, float value = 0.8f)
    {
        var samples = new float[length];
        foreach (var f in at) samples[f] = value;
        return samples;
    }

    public static ClipModel Clip(string path, long start, long length, long offset = 0) =>
        new(Guid.NewGuid(), path, 1, start, offset, length, 0, 0, 0);

    public static TrackModel Track(int index, IReadOnlyList<ClipModel> clips, double volumeDb = 0, double pan = 0, Guid? id = null, IReadOnlyList<EffectModel>? effects = null) =>
        new(id ?? Guid.NewGuid(), index, $"Track {index + 1}", volumeDb, pan, false, false, clips, effects ?? []);

    public static ProjectModel Project(params TrackModel[] tracks) => new(Rate, 120, 4, 4, tracks, []);

    public VirtualDevice Device(VirtualInputKind input = VirtualInputKind.Loopback, int latency = 301, bool captureOutput = false, int inputs = 2) =>
        new(new VirtualDeviceOptions
        {
            Input = input,
            LatencyFrames = latency,
            Clock = VirtualClockMode.Manual,
            InputChannels = inputs,
            OutputPath = captureOutput ? OutputPath : null,
            SineLevel = 0.5f,
            SineHz = 997,
        });

    public string OutputPath => Path.Combine(Folder, "output.wav");

    public EngineSession Session(IAudioDevice device, int calibration = 0) =>
        new(device, new EngineSessionOptions
        {
            SampleRate = Rate,
            BufferFrames = Block,
            CaptureDirectory = CaptureFolder,
            CalibrationFrames = calibration,
            StartTimeout = TimeSpan.FromSeconds(30),
        });

    /// <summary>Runs blocks one at a time until <paramref name="done"/> holds.</summary>
    public static void RunUntil(VirtualDevice device, Func<bool> done, int maxBlocks = 200_000)
    {
        for (var i = 0; i < maxBlocks; i++)
        {
            if (done()) return;
            device.RunBlocks(1);
        }
        throw new TimeoutException("The condition did not hold within the block budget.");
    }

    /// <summary>
    /// After a play or seek has been taken by the audio thread: waits (wall clock) until the butler has loaded every clip
    /// from the playhead to its end (or half a ring: the butler refills at half), so a manual clock running faster than
    /// real time does not underrun on short clips.
    /// </summary>
    public static void WaitForRings(EngineSession session)
    {
        var graph = session.CurrentGraph!;
        var playhead = session.ReadTransport().PositionFrame;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            var ready = graph.Tracks.SelectMany(t => t.Clips).All(c =>
                c.Stream.BufferedFrames >= Math.Min(c.Stream.Capacity / 2, c.Clip.LengthFrames - Math.Clamp(playhead - c.StartFrame, 0, c.Clip.LengthFrames)));
            if (ready) return;
            Thread.Sleep(2);
        }
        throw new TimeoutException("The butler did not fill the clip rings.");
    }

    /// <summary>Play (or seek) and run until rolling, with full rings. Returns the device frame where rolling began.</summary>
    public static long RollFrom(EngineSession session, VirtualDevice device, long frame, bool seek = false)
    {
        if (seek) session.Seek(frame);
        else session.Play(frame);
        device.RunBlocks(1);
        WaitForRings(session);
        RunUntil(device, () => session.ReadTransport().State == TransportState.Rolling);
        return session.ReadTransport().RollStartDeviceFrame;
    }

    /// <summary>Reads a WAV into planar channels.</summary>
    public static float[][] ReadWav(string path)
    {
        using var reader = WavReader.Open(path);
        var channels = reader.Info.Channels;
        var frames = (int)reader.Length;
        var interleaved = new float[frames * channels];
        var read = 0;
        while (read < interleaved.Length)
        {
            var n = reader.Read(interleaved.AsSpan(read));
            if (n == 0) break;
            read += n * channels;
        }
        var result = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            result[c] = new float[frames];
            for (var f = 0; f < frames; f++) result[c][f] = interleaved[f * channels + c];
        }
        return result;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a failed test; the temp folder is cleaned by the OS eventually.
        }
    }
}
