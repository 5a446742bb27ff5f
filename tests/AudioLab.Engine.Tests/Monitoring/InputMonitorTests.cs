using AudioLab.Engine.Devices;
using AudioLab.Engine.Monitoring;
using AudioLab.Engine.Tests.Session;

namespace AudioLab.Engine.Tests.Monitoring;

public sealed class InputMonitorTests : IDisposable
{
    private const int Frames = 64;
    private readonly SessionKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private static float[][] Inputs() =>
    [
        [.. Enumerable.Range(0, Frames).Select(i => 0.01f * (i + 1))],
        [.. Enumerable.Range(0, Frames).Select(i => -0.02f * (i + 1))],
    ];

    private static (float[] Left, float[] Right) Run(params TrackInput[] inputs)
    {
        var monitor = new InputMonitor();
        foreach (var i in inputs) Assert.True(monitor.Set(i));
        var (left, right) = (new float[Frames], new float[Frames]);
        monitor.Process(Inputs(), left, right, Frames);
        return (left, right);
    }

    [Theory]
    [InlineData(MonitorMode.Auto, true, true)]
    [InlineData(MonitorMode.Auto, false, false)]
    [InlineData(MonitorMode.On, false, true)]
    [InlineData(MonitorMode.On, true, true)]
    [InlineData(MonitorMode.Off, true, false)]
    [InlineData(MonitorMode.Off, false, false)]
    public void Modes_decide_whether_the_input_is_heard(MonitorMode mode, bool armed, bool heard)
    {
        var (left, right) = Run(new TrackInput(Guid.NewGuid(), [0], armed, mode));
        var input = Inputs()[0];
        for (var i = 0; i < Frames; i++)
        {
            Assert.Equal(heard ? 0.7f * input[i] : 0f, left[i], 1e-7f);
            Assert.Equal(heard ? 0.7f * input[i] : 0f, right[i], 1e-7f); // mono input: both sides, same level
        }
    }

    [Fact]
    public void A_stereo_input_keeps_its_sides_and_tracks_add_up()
    {
        var (left, right) = Run(
            new TrackInput(Guid.NewGuid(), [0, 1], true, MonitorMode.Auto, 0.5f),
            new TrackInput(Guid.NewGuid(), [1], true, MonitorMode.On, 0.25f));
        var inputs = Inputs();
        for (var i = 0; i < Frames; i++)
        {
            Assert.Equal(0.5f * inputs[0][i] + 0.25f * inputs[1][i], left[i], 1e-6f);
            Assert.Equal(0.5f * inputs[1][i] + 0.25f * inputs[1][i], right[i], 1e-6f);
        }
    }

    [Fact]
    public void Removing_or_replacing_a_track_input_takes_effect()
    {
        var monitor = new InputMonitor();
        var id = Guid.NewGuid();
        monitor.Set(new TrackInput(id, [0], true, MonitorMode.Auto));
        monitor.Set(new TrackInput(id, [0], false, MonitorMode.Auto)); // disarmed: auto stops monitoring
        var (left, right) = (new float[Frames], new float[Frames]);
        monitor.Process(Inputs(), left, right, Frames);
        Assert.All(left, x => Assert.Equal(0f, x));
        monitor.Set(new TrackInput(id, [0], false, MonitorMode.On));
        monitor.Remove(id);
        Assert.Equal(0, monitor.Count);
    }

    [Fact]
    public void The_session_adds_zero_frames_of_latency_to_monitoring()
    {
        // Input of a block comes out in the output of the same block: output frame f = level * input frame f.
        var device = _kit.Device(VirtualInputKind.Sine, captureOutput: true);
        var track = Guid.NewGuid();
        using (var session = _kit.Session(device))
        {
            session.Start(SessionKit.Project(SessionKit.Track(0, [], id: track)));
            session.ArmTrack(track, [0], MonitorMode.Auto, 0.7f);
            device.RunBlocks(20);
            session.ArmTrack(track, [0], MonitorMode.Off);
            device.RunBlocks(20);
        }
        var output = SessionKit.ReadWav(_kit.OutputPath);
        var cyclesPerFrame = 997.0 / SessionKit.Rate;
        for (var f = 0; f < 20 * SessionKit.Block; f++)
        {
            var input = 0.5f * (float)Math.Sin(2 * Math.PI * f * cyclesPerFrame); // the virtual sine input at device frame f
            Assert.Equal(0.7f * input, output[0][f], 1e-5f);
            Assert.Equal(0.7f * input, output[1][f], 1e-5f);
        }
        // Monitoring off (direct monitoring): nothing of the input reaches the output.
        for (var f = 20 * SessionKit.Block; f < 40 * SessionKit.Block; f++) Assert.Equal(0f, output[0][f]);
    }
}
