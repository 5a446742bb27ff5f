using AudioLab.Core.Audio;

namespace AudioLab.Engine.Tests.Devices;

internal static class TestWav
{
    /// <summary>Sample value of channel <paramref name="channel"/> at <paramref name="frame"/> in <see cref="WriteRamp"/>'s files.</summary>
    public static float RampValue(long frame, int channel) => (frame % 1000) / 1000f * (channel % 2 == 0 ? 1 : -1) + channel * 0.0001f;

    /// <summary>Writes a float32 WAV at 48 kHz whose every sample is predictable from its frame and channel.</summary>
    public static void WriteRamp(string path, int channels, int frames)
    {
        using var writer = new WavWriter(File.Create(path), channels, 48_000, SampleFormat.Float32);
        var interleaved = new float[frames * channels];
        for (var f = 0; f < frames; f++)
            for (var c = 0; c < channels; c++) interleaved[f * channels + c] = RampValue(f, c);
        writer.Write(interleaved);
    }
}
