using AudioLab.Core.Audio;

namespace AudioLab.Server.Tests.Infrastructure;

/// <summary>WAV files made in memory with the project's own writer.</summary>
public static class TestWav
{
    public static byte[] Create(int sampleRate, int channels, SampleFormat format, int frames, Func<int, int, float> sample)
    {
        using var stream = new MemoryStream();
        using (var writer = new WavWriter(stream, channels, sampleRate, format, leaveOpen: true))
        {
            var block = new float[channels];
            for (var f = 0; f < frames; f++)
            {
                for (var c = 0; c < channels; c++) block[c] = sample(f, c);
                writer.Write(block);
            }
        }
        return stream.ToArray();
    }

    public static byte[] Sine(int sampleRate, int channels, SampleFormat format, int frames, double hz, double amplitude) =>
        Create(sampleRate, channels, format, frames, (f, _) => (float)(amplitude * Math.Sin(2 * Math.PI * hz * f / sampleRate)));

    /// <summary>Random 24-bit integer samples (every value exactly representable), reproducible by seed.</summary>
    public static byte[] Random24(int sampleRate, int channels, int frames, int seed)
    {
        var random = new Random(seed);
        return Create(sampleRate, channels, SampleFormat.Pcm24, frames, (_, _) => random.Next(-8_388_608, 8_388_608) / 8_388_608f);
    }

    /// <summary>Every sample of a WAV file as floats, interleaved.</summary>
    public static (WavInfo Info, float[] Samples) Read(byte[] bytes)
    {
        using var reader = WavReader.Open(new MemoryStream(bytes));
        var samples = new float[reader.Length * reader.Info.Channels];
        var total = 0;
        int n;
        while ((n = reader.Read(samples.AsSpan(total))) > 0) total += n * reader.Info.Channels;
        return (reader.Info, samples);
    }
}
