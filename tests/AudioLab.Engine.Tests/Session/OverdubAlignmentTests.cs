using AudioLab.Engine.Devices;
using AudioLab.Engine.Monitoring;
using AudioLab.Engine.Recording;
using AudioLab.Engine.Session;

namespace AudioLab.Engine.Tests.Session;

/// <summary>
/// The plan's overdub: clicks play on track 1, track 2 records them back through a 301-frame loopback, and the take must
/// land where the performer heard the clicks: 0 frames error.
/// </summary>
public sealed class OverdubAlignmentTests : IDisposable
{
    private const int Latency = 301;
    private const int Length = 96_000;
    private static readonly int[] ClickFrames = [1000, 5801, 12_347, 24_007, 30_001, 30_500, 48_013, 70_001, 90_000, 95_999];
    private readonly SessionKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private (EngineSession Session, VirtualDevice Device, Guid Overdub) Open(double pan = 0)
    {
        var backing = _kit.WriteMono("clicks.wav", SessionKit.Clicks(Length, ClickFrames));
        var overdub = Guid.NewGuid();
        var project = SessionKit.Project(
            SessionKit.Track(0, [SessionKit.Clip(backing, 0, Length)], pan: pan),
            SessionKit.Track(1, [], id: overdub));
        var device = _kit.Device(VirtualInputKind.Loopback, Latency);
        var session = _kit.Session(device);
        session.Start(project);
        // Direct monitoring: the loopback must carry the backing only, not the overdub fed back into itself.
        session.ArmTrack(overdub, [0], MonitorMode.Off);
        return (session, device, overdub);
    }

    private static RecordingResult Finish(EngineSession session, VirtualDevice device, Guid track)
    {
        var done = session.StopRecording(track);
        SessionKit.RunUntil(device, () => done.IsCompleted || session.ReadTransport().ActiveRecordings == 0);
        Assert.True(done.Wait(TimeSpan.FromSeconds(10)), "the writer did not finish the take");
        return done.Result;
    }

    /// <summary>Every click in the take sits at a clicked timeline frame, and every click the take covers is there.</summary>
    private static void AssertAligned(RecordedTake take, int[] clicks, float expectedLevel)
    {
        var audio = SessionKit.ReadWav(take.FilePath)[0];
        Assert.Equal(take.LengthFrames, audio.Length);
        var found = Enumerable.Range(0, audio.Length).Where(i => Math.Abs(audio[i]) > 0.1f).Select(i => take.StartFrame + i).ToArray();
        var expected = clicks.Where(c => c >= take.StartFrame && c < take.StartFrame + take.LengthFrames).Select(c => (long)c).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, found);
        foreach (var c in expected) Assert.Equal(expectedLevel, audio[c - take.StartFrame], 1e-5f);

        // Cross-correlation against the backing as placed on the timeline: the peak is at lag 0.
        var backing = new float[Length + 2000];
        foreach (var c in clicks) backing[c] = 1;
        var best = int.MinValue;
        var bestScore = double.MinValue;
        for (var lag = -400; lag <= 400; lag++)
        {
            double score = 0;
            for (var i = 0; i < audio.Length; i++)
            {
                var t = take.StartFrame + i + lag;
                if (t >= 0 && t < backing.Length) score += audio[i] * backing[t];
            }
            if (score > bestScore)
            {
                bestScore = score;
                best = lag;
            }
        }
        Assert.Equal(0, best);
    }

    private static readonly float CenterLevel = 0.8f * (float)Math.Cos(Math.PI / 4);

    [Fact]
    public void Take_recorded_from_position_zero_lines_up_with_the_backing_at_zero_frames()
    {
        var (session, device, overdub) = Open();
        using (session)
        {
            session.StartRecording(overdub, [0]);
            SessionKit.RollFrom(session, device, 0);
            SessionKit.RunUntil(device, () => session.ReadTransport().PositionFrame >= Length + 1000);
            var result = Finish(session, device, overdub);

            var take = Assert.Single(result.Takes);
            Assert.Equal(0, take.StartFrame);
            Assert.Equal(new LatencyTerms(150, 151, 0), take.Latency);
            Assert.Equal(0, result.LostFrames);
            AssertAligned(take, ClickFrames, CenterLevel);
            Assert.Equal(0, session.CurrentGraph!.UnderrunFrames);
        }
    }

    [Fact]
    public void Take_recorded_after_a_seek_to_an_odd_frame_starts_there_and_lines_up()
    {
        var (session, device, overdub) = Open();
        using (session)
        {
            SessionKit.RollFrom(session, device, 0);
            device.RunBlocks(40);
            session.Seek(30_001);
            session.StartRecording(overdub, [0]);
            device.RunBlocks(1);
            SessionKit.WaitForRings(session);
            SessionKit.RunUntil(device, () => session.ReadTransport().PositionFrame >= Length);
            var result = Finish(session, device, overdub);

            var take = Assert.Single(result.Takes);
            Assert.Equal(30_001, take.StartFrame);
            AssertAligned(take, ClickFrames, CenterLevel);
        }
    }

    [Fact]
    public void Seeking_while_recording_splits_the_take_where_the_performer_heard_the_jump()
    {
        var (session, device, overdub) = Open();
        using (session)
        {
            session.StartRecording(overdub, [0]);
            SessionKit.RollFrom(session, device, 0);
            SessionKit.RunUntil(device, () => session.ReadTransport().PositionFrame >= 20_000);
            var jumpedFrom = session.ReadTransport().PositionFrame;
            SessionKit.RollFrom(session, device, 48_001, seek: true);
            SessionKit.RunUntil(device, () => session.ReadTransport().PositionFrame >= Length);
            var result = Finish(session, device, overdub);

            Assert.Equal(2, result.Takes.Count);
            var (first, second) = (result.Takes[0], result.Takes[1]);
            Assert.Equal(0, first.StartFrame);
            Assert.Equal(jumpedFrom, first.LengthFrames); // everything heard before the seek, nothing after
            Assert.Equal(48_001, second.StartFrame);
            AssertAligned(first, ClickFrames, CenterLevel);
            AssertAligned(second, ClickFrames, CenterLevel);
        }
    }

    [Fact]
    public void Two_tracks_record_at_once_from_different_inputs()
    {
        var left = _kit.WriteMono("left.wav", SessionKit.Clicks(Length, [2001, 40_003, 80_005]));
        var right = _kit.WriteMono("right.wav", SessionKit.Clicks(Length, [3001, 50_007, 85_009]));
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var project = SessionKit.Project(
            SessionKit.Track(0, [SessionKit.Clip(left, 0, Length)], pan: -1),
            SessionKit.Track(1, [SessionKit.Clip(right, 0, Length)], pan: 1),
            SessionKit.Track(2, [], id: a),
            SessionKit.Track(3, [], id: b));
        var device = _kit.Device(VirtualInputKind.Loopback, Latency);
        using var session = _kit.Session(device);
        session.Start(project);
        session.StartRecording(a, [0]);
        session.StartRecording(b, [1]);
        SessionKit.RollFrom(session, device, 0);
        SessionKit.RunUntil(device, () => session.ReadTransport().PositionFrame >= Length);
        var ta = Assert.Single(Finish(session, device, a).Takes);
        var tb = Assert.Single(Finish(session, device, b).Takes);
        AssertAligned(ta, [2001, 40_003, 80_005], 0.8f);
        AssertAligned(tb, [3001, 50_007, 85_009], 0.8f);
    }

    [Fact]
    public void A_calibration_offset_shifts_the_take_by_exactly_that_many_frames()
    {
        var backing = _kit.WriteMono("clicks.wav", SessionKit.Clicks(Length, ClickFrames));
        var overdub = Guid.NewGuid();
        var project = SessionKit.Project(SessionKit.Track(0, [SessionKit.Clip(backing, 0, Length)]), SessionKit.Track(1, [], id: overdub));
        // The device reports 301 frames but the cable adds 17 more: calibration says so, and the take still lands exactly.
        var device = _kit.Device(VirtualInputKind.Loopback, Latency);
        using var session = new EngineSession(new ExtraDelayDevice(device, 17), new EngineSessionOptions
        {
            SampleRate = SessionKit.Rate, BufferFrames = SessionKit.Block, CaptureDirectory = _kit.CaptureFolder, CalibrationFrames = 17,
            StartTimeout = TimeSpan.FromSeconds(30),
        });
        session.Start(project);
        session.StartRecording(overdub, [0]);
        SessionKit.RollFrom(session, device, 0);
        SessionKit.RunUntil(device, () => session.ReadTransport().PositionFrame >= Length);
        var take = Assert.Single(Finish(session, device, overdub).Takes);
        Assert.Equal(17, take.Latency.CalibrationFrames);
        AssertAligned(take, ClickFrames, CenterLevel);
    }
}
