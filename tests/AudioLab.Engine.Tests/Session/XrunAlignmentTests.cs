using AudioLab.Engine.Devices;
using AudioLab.Engine.Session;

namespace AudioLab.Engine.Tests.Session;

/// <summary>Input lost to an xrun becomes silence at exactly the lost frames; what comes after keeps its place.</summary>
public sealed class XrunAlignmentTests : IDisposable
{
    private readonly SessionKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private static float Signal(long deviceFrame) => ((deviceFrame % 997) + 1) / 1000f;

    [Fact]
    public async Task Lost_input_is_padded_with_silence_and_the_take_stays_aligned()
    {
        // The test is the audio thread: it feeds the session blocks of a known signal with a gap in the device clock.
        var device = _kit.Device(VirtualInputKind.Silence);
        using var session = _kit.Session(device);
        session.Start(SessionKit.Project(SessionKit.Track(0, [])));
        var track = Guid.NewGuid();
        var recording = session.StartRecording(track, [0]);
        session.Play(0);
        var block = new AudioBlock(2, 2, SessionKit.Block) { Frames = SessionKit.Block };
        const long gapStart = 40 * SessionKit.Block;
        const long gapFrames = 1000;
        long deviceFrame = 0;
        for (var i = 0; i < 80; i++)
        {
            if (deviceFrame == gapStart)
            {
                deviceFrame += gapFrames;
                block.Xrun = true;
            }
            block.DeviceFrame = deviceFrame;
            for (var f = 0; f < SessionKit.Block; f++) block.Inputs[0][f] = Signal(deviceFrame + f);
            foreach (var o in block.Outputs) Array.Clear(o);
            session.Process(block);
            block.Xrun = false;
            deviceFrame += SessionKit.Block;
        }
        var t = session.ReadTransport();
        Assert.Equal(1, t.XrunCount);
        Assert.Equal(gapFrames, t.LostFrames);
        Assert.Equal(80 * SessionKit.Block + gapFrames, t.PositionFrame); // the timeline moved on over the gap

        var stopped = session.StopRecording(track);
        block.DeviceFrame = deviceFrame;
        session.Process(block);
        var result = await stopped.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Equal(gapFrames, result.LostFrames);
        var take = Assert.Single(result.Takes);
        Assert.Equal(0, take.StartFrame);
        Assert.Equal(80 * SessionKit.Block + gapFrames, take.LengthFrames);
        var audio = SessionKit.ReadWav(take.FilePath)[0];
        for (var f = 0; f < audio.Length; f++)
        {
            var expected = f >= gapStart && f < gapStart + gapFrames ? 0f : Signal(f);
            Assert.Equal(expected, audio[f], 1e-6f);
        }
        Assert.Equal(gapFrames, recording.LostFrames);
    }
}
