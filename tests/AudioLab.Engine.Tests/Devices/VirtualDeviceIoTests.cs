using AudioLab.Core.Audio;
using AudioLab.Engine.Devices;

namespace AudioLab.Engine.Tests.Devices;

public sealed class VirtualDeviceIoTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("audiolab-vdev-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(VirtualClockMode.Manual)]
    [InlineData(VirtualClockMode.Freewheel)]
    public void Captured_output_file_holds_exactly_what_the_engine_played(VirtualClockMode clock)
    {
        var output = Path.Combine(_dir, "nested", "out.wav");
        const int frames = 128 * 3000; // 8 s, far more than the capture ring holds, so the writer must keep up
        var callback = new RecordingCallback(2, frames, measureTo: 3000);
        using var device = new VirtualDevice(new VirtualDeviceOptions { Input = VirtualInputKind.Sine, SineHz = 997, OutputPath = output, Clock = clock });
        device.Start(48_000, 128, callback);
        if (clock == VirtualClockMode.Manual) device.RunBlocks(3000);
        else while (device.IsRunning && device.CallbackCount < 3000) Thread.Sleep(10);
        device.Stop();

        using var reader = WavReader.Open(output);
        Assert.Equal(2, reader.Info.Channels);
        Assert.Equal(SampleFormat.Float32, reader.Info.Format);
        Assert.True(reader.Length >= frames);
        Assert.Equal(device.DeviceFrame, reader.Length);
        Assert.Equal(0, device.CaptureOverruns);
        var interleaved = new float[frames * 2];
        Assert.Equal(frames, reader.Read(interleaved));
        var mismatches = 0;
        for (var f = 0; f < frames; f++)
            for (var c = 0; c < 2; c++)
                if (interleaved[f * 2 + c] != callback.Played[c][f]) mismatches++;
        Assert.Equal(0, mismatches);
        Assert.Equal(0, callback.AllocatedBytes);
    }

    [Fact]
    public void Sine_input_is_the_configured_frequency_and_level()
    {
        var callback = new RecordingCallback(2, 48_000);
        using var device = new VirtualDevice(new VirtualDeviceOptions
        {
            Input = VirtualInputKind.Sine, SineHz = 1000, SineLevel = 0.25f, Clock = VirtualClockMode.Manual,
        });
        device.Start(48_000, 128, callback);
        device.RunBlocks(375);
        device.Stop();
        var signal = callback.Received[0];
        Assert.InRange(signal.Max(), 0.2499f, 0.25f);
        var upwardCrossings = 0;
        for (var i = 1; i < signal.Length; i++) if (signal[i - 1] < 0 && signal[i] >= 0) upwardCrossings++;
        Assert.InRange(upwardCrossings, 999, 1000);
        Assert.Equal(signal, callback.Received[1]);
        for (var f = 0; f < 48_000; f += 4801) Assert.Equal(0.25f * MathF.Sin(2 * MathF.PI * 1000 * f / 48_000f), signal[f], 3);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void File_input_plays_the_file_sample_exact_looped_or_once(bool loop)
    {
        var input = Path.Combine(_dir, "in.wav");
        const int fileFrames = 10_007; // odd, so the loop seam falls inside a block
        TestWav.WriteRamp(input, channels: 2, frames: fileFrames);
        const int frames = 128 * 200;
        var callback = new RecordingCallback(3, frames);
        using var device = new VirtualDevice(new VirtualDeviceOptions
        {
            Input = VirtualInputKind.File, InputFile = input, LoopInputFile = loop, Clock = VirtualClockMode.Manual, InputChannels = 3, OutputChannels = 3,
        });
        device.Start(48_000, 128, callback);
        device.RunBlocks(200);
        device.Stop();
        var mismatches = 0;
        for (var f = 0; f < frames; f++)
        {
            for (var c = 0; c < 3; c++)
            {
                var expected = loop || f < fileFrames ? TestWav.RampValue(f % fileFrames, c % 2) : 0f;
                if (callback.Received[c][f] != expected) mismatches++;
            }
        }
        Assert.Equal(0, mismatches);
        Assert.Equal(0, device.InputUnderruns);
    }

    [Fact]
    public void File_input_at_another_rate_is_refused_with_a_reason()
    {
        var input = Path.Combine(_dir, "44k.wav");
        using (var writer = new WavWriter(File.Create(input), 1, 44_100, SampleFormat.Pcm16)) writer.WriteSilence(100);
        using var device = new VirtualDevice(new VirtualDeviceOptions { Input = VirtualInputKind.File, InputFile = input });
        var error = Assert.Throws<InvalidOperationException>(() => device.Start(48_000, 128, new ImpulseCallback([])));
        Assert.Contains("44100 Hz", error.Message, StringComparison.Ordinal);
        Assert.False(device.IsRunning);
        var missing = new VirtualDevice(new VirtualDeviceOptions { Input = VirtualInputKind.File, InputFile = Path.Combine(_dir, "nope.wav") });
        Assert.Throws<FileNotFoundException>(() => missing.Start(48_000, 128, new ImpulseCallback([])));
    }

    [Fact]
    public void Silence_input_is_silent_and_outputs_are_cleared_before_every_callback()
    {
        var callback = new AccumulatingCallback();
        using var device = new VirtualDevice(new VirtualDeviceOptions { Clock = VirtualClockMode.Manual });
        device.Start(48_000, 128, callback);
        device.RunBlocks(20);
        device.Stop();
        Assert.Equal(0, callback.NonZeroInputs);
        Assert.Equal(0, callback.DirtyOutputs);
        Assert.Equal(20, callback.Calls);
    }

    private sealed class AccumulatingCallback : IAudioCallback
    {
        public int NonZeroInputs { get; private set; }
        public int DirtyOutputs { get; private set; }
        public int Calls { get; private set; }

        public void Process(AudioBlock block)
        {
            Calls++;
            foreach (var input in block.Inputs) for (var i = 0; i < block.Frames; i++) if (input[i] != 0) NonZeroInputs++;
            foreach (var output in block.Outputs)
            {
                for (var i = 0; i < block.Frames; i++)
                {
                    if (output[i] != 0) DirtyOutputs++;
                    output[i] += 0.3f; // the engine adds into the outputs; the device must clear them for the next period
                }
            }
        }
    }
}
