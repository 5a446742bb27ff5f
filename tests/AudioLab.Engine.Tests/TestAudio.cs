using AudioLab.Core.Audio;
using AudioLab.Engine.Model;

namespace AudioLab.Engine.Tests;

/// <summary>Writes test signals to WAV files and builds models around them.</summary>
public static class TestAudio
{
    public const int Rate = 48000;

    /// <summary>A deterministic signal: a few detuned sines plus a little noise, peak below <paramref name="amplitude"/>.</summary>
    public static float[][] Signal(int channels, int frames, int seed, double amplitude = 0.3)
    {
        var rng = new Random(seed);
        var result = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            var f1 = 100 + rng.Next(900);
            var f2 = 1000 + rng.Next(5000);
            var ch = new float[frames];
            for (var i = 0; i < frames; i++)
                ch[i] = (float)(amplitude * (0.6 * Math.Sin(2 * Math.PI * f1 * i / Rate) + 0.3 * Math.Sin(2 * Math.PI * f2 * i / Rate) + 0.1 * (rng.NextDouble() * 2 - 1)));
            result[c] = ch;
        }
        return result;
    }

    /// <summary>Writes planar channels to a WAV file.</summary>
    public static string Write(string path, float[][] channels, SampleFormat format = SampleFormat.Pcm24)
    {
        using var w = WavWriter.Create(path, channels.Length, Rate, format);
        var frames = channels[0].Length;
        var inter = new float[frames * channels.Length];
        for (var i = 0; i < frames; i++)
            for (var c = 0; c < channels.Length; c++) inter[i * channels.Length + c] = channels[c][i];
        w.Write(inter);
        return path;
    }

    /// <summary>Reads a whole (small) WAV back as planar channels: what the engine will really see.</summary>
    public static float[][] Read(string path)
    {
        using var r = WavReader.Open(path);
        var ch = r.Info.Channels;
        var frames = (int)r.Length;
        var inter = new float[frames * ch];
        var got = r.Read(inter);
        var result = new float[ch][];
        for (var c = 0; c < ch; c++)
        {
            result[c] = new float[got];
            for (var i = 0; i < got; i++) result[c][i] = inter[i * ch + c];
        }
        return result;
    }

    public static ClipModel Clip(string path, long start, long length, long offset = 0, double gainDb = 0, long fadeIn = 0, long fadeOut = 0, int channels = 2) =>
        new(Guid.NewGuid(), path, channels, start, offset, length, gainDb, fadeIn, fadeOut);

    public static TrackModel Track(int index, IReadOnlyList<ClipModel> clips, double volumeDb = 0, double pan = 0, bool mute = false, bool solo = false,
        IReadOnlyList<EffectModel>? effects = null) =>
        new(Guid.NewGuid(), index, $"Track {index}", volumeDb, pan, mute, solo, clips, effects ?? []);

    public static ProjectModel Project(IReadOnlyList<TrackModel> tracks, IReadOnlyList<EffectModel>? master = null) =>
        new(Rate, 120, 4, 4, tracks, master ?? []);

    public static EffectModel Effect(string type, params (string Name, double Value)[] parameters) =>
        new(type, parameters.ToDictionary(p => p.Name, p => p.Value));
}
