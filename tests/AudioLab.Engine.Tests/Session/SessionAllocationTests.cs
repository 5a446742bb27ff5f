using AudioLab.Engine.Devices;
using AudioLab.Engine.Monitoring;
using AudioLab.Engine.Session;

namespace AudioLab.Engine.Tests.Session;

/// <summary>The audio thread's whole period (transport, 32-track graph, 2 recordings, monitoring, meters) allocates nothing.</summary>
public sealed class SessionAllocationTests : IDisposable
{
    private readonly SessionKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Ten_thousand_blocks_with_32_tracks_2_recordings_monitoring_and_meters_allocate_zero_bytes()
    {
        const int frames = 30 * SessionKit.Rate;
        var source = _kit.WriteMono("long.wav", [.. Enumerable.Range(0, frames).Select(i => 0.05f * MathF.Sin(i * 0.01f))]);
        var tracks = Enumerable.Range(0, 32)
            .Select(i => SessionKit.Track(i, [SessionKit.Clip(source, i * 7, frames - 1000)], volumeDb: -20, pan: (i % 5 - 2) / 2.0))
            .ToArray();
        var device = _kit.Device(VirtualInputKind.Loopback, 301);
        using var session = _kit.Session(device);
        session.Start(SessionKit.Project(tracks));
        session.ArmTrack(tracks[30].Id, [0], MonitorMode.On, 0.1f);
        session.ArmTrack(tracks[31].Id, [1], MonitorMode.Auto, 0.1f);
        var a = session.StartRecording(tracks[30].Id, [0]);
        var b = session.StartRecording(tracks[31].Id, [0, 1]);
        SessionKit.RollFrom(session, device, 0);
        device.RunBlocks(500); // warm up: JIT, first-touch paths, tiered compilation of the hot loop

        var before = GC.GetAllocatedBytesForCurrentThread();
        device.RunBlocks(10_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        var snapshot = session.ReadSnapshot();
        Assert.Equal(TransportState.Rolling, snapshot.Transport.State);
        Assert.Equal(2, snapshot.Transport.ActiveRecordings);
        Assert.Equal(32, snapshot.Meters.TrackCount);
        Assert.True(a.FramesCaptured >= 10_000 * SessionKit.Block);
        Assert.True(b.FramesCaptured >= 10_000 * SessionKit.Block);
        Assert.True(snapshot.Meters.MasterLeft.PeakDb > -60);
    }
}
