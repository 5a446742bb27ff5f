using AudioLab.Engine.Devices;
using AudioLab.Engine.Tests.Session;

namespace AudioLab.Engine.Tests.Metering;

public sealed class SessionMeterTests : IDisposable
{
    private readonly SessionKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void The_snapshot_meters_inputs_tracks_post_fader_and_master()
    {
        // Three back-to-back clips that each fit in half a disk ring: fully loaded before rolling, so a fast manual clock
        // on a busy machine cannot underrun them.
        var dc = _kit.WriteMono("dc.wav", [.. Enumerable.Repeat(0.5f, 60_000)]);
        var track = Guid.NewGuid();
        var device = _kit.Device(VirtualInputKind.Sine); // 997 Hz at 0.5 on both inputs
        using var session = _kit.Session(device);
        session.Start(SessionKit.Project(SessionKit.Track(0, [SessionKit.Clip(dc, 0, 60_000), SessionKit.Clip(dc, 60_000, 60_000), SessionKit.Clip(dc, 120_000, 60_000)], volumeDb: -6.020599913279624, id: track)));
        SessionKit.RollFrom(session, device, 0);
        device.RunBlocks(900); // 2.4 s: the 300 ms RMS window has settled
        var s = session.ReadSnapshot().Meters;

        Assert.Equal(2, s.Inputs.Length);
        Assert.Equal(-6.02, s.Inputs[0].PeakDb, 0.02);
        Assert.Equal(-9.03, s.Inputs[0].RmsDb, 0.05);
        Assert.Equal(1, s.TrackCount);
        Assert.Equal(track, s.TrackIds[0]);
        var postFader = 20 * Math.Log10(0.5 * 0.5 * Math.Cos(Math.PI / 4)); // clip 0.5, fader 0.5, centre pan
        Assert.Equal(postFader, s.TrackLeft[0].PeakDb, 0.01);
        Assert.Equal(postFader, s.TrackRight[0].RmsDb, 0.01);
        Assert.Equal(postFader, s.MasterLeft.PeakDb, 0.01);
        Assert.False(s.MasterLeft.Clipped);

        // Reset through the command queue clears holds and levels at the next block.
        session.ResetMeters();
        device.RunBlocks(1);
        var after = session.ReadSnapshot().Meters;
        Assert.True(after.Inputs[0].PeakHoldDb <= s.Inputs[0].PeakHoldDb);
        Assert.Equal(postFader, after.TrackLeft[0].PeakDb, 0.01); // one block of the same level again
    }
}
