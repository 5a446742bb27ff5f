using AudioLab.Engine.Devices;
using AudioLab.Engine.Model;

namespace AudioLab.Engine.Tests.Session;

/// <summary>Edits while playing are heard from the next block, through the one-block gain glide, with no other step.</summary>
public sealed class GraphSwapTests : IDisposable
{
    private readonly SessionKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void A_volume_change_while_playing_glides_over_exactly_the_next_block()
    {
        const int length = 96_000;
        var dc = _kit.WriteMono("dc.wav", [.. Enumerable.Repeat(0.5f, length)]);
        var id = Guid.NewGuid();
        var clip = SessionKit.Clip(dc, 0, length);
        var project = SessionKit.Project(SessionKit.Track(0, [clip], id: id));
        var device = _kit.Device(VirtualInputKind.Silence, captureOutput: true);
        long published;
        using (var session = _kit.Session(device))
        {
            session.Start(project);
            SessionKit.RollFrom(session, device, 0);
            device.RunBlocks(50);
            var swapsBefore = session.ReadTransport().GraphSwaps;
            published = session.ReadTransport().DeviceFrame;
            session.UpdateGraph(project with { Tracks = [project.Tracks[0] with { VolumeDb = -6.020599913279624 }] });
            device.RunBlocks(1);
            Assert.Equal(swapsBefore + 1, session.ReadTransport().GraphSwaps);
            device.RunBlocks(50);
            Assert.Equal(0, session.CurrentGraph!.UnderrunFrames); // the clip's ring was adopted, not reloaded
        }
        var left = SessionKit.ReadWav(_kit.OutputPath)[0];
        var oldLevel = 0.5f * (float)Math.Cos(Math.PI / 4);
        var newLevel = oldLevel * 0.5f;
        for (var f = published - 1000; f < published; f++) Assert.Equal(oldLevel, left[f], 1e-6f);
        // The first block after the edit glides from the old to the new gain; the step per frame is the glide, nothing more.
        var step = (oldLevel - newLevel) / SessionKit.Block;
        for (var f = published; f < published + SessionKit.Block; f++)
        {
            Assert.InRange(left[f], newLevel - 1e-6f, oldLevel + 1e-6f);
            Assert.InRange(left[f - 1] - left[f], step - 1e-5f, step + 1e-5f);
        }
        Assert.Equal(newLevel, left[published + SessionKit.Block - 1], 1e-6f);
        for (var f = published + SessionKit.Block; f < published + 20 * SessionKit.Block; f++) Assert.Equal(newLevel, left[f], 1e-6f);
    }

    [Fact]
    public void A_clip_moved_while_playing_is_heard_at_its_new_place()
    {
        const int length = 48_000;
        var dc = _kit.WriteMono("dc.wav", [.. Enumerable.Repeat(0.5f, length)]);
        var clip = SessionKit.Clip(dc, 200_000, length);
        var project = SessionKit.Project(SessionKit.Track(0, [clip]));
        var device = _kit.Device(VirtualInputKind.Silence, captureOutput: true);
        long rollStart;
        using (var session = _kit.Session(device))
        {
            session.Start(project);
            rollStart = SessionKit.RollFrom(session, device, 0);
            device.RunBlocks(10);
            var moved = project with { Tracks = [project.Tracks[0] with { Clips = [clip with { StartFrame = 50_000 }] }] };
            session.UpdateGraph(moved);
            device.RunBlocks(1);
            SessionKit.WaitForRings(session);
            SessionKit.RunUntil(device, () => session.ReadTransport().PositionFrame >= 60_000);
        }
        var left = SessionKit.ReadWav(_kit.OutputPath)[0];
        Assert.Equal(rollStart + 50_000, Array.FindIndex(left, x => x != 0));
        var first = (int)rollStart + 50_000;
        Assert.Equal(0.5f * (float)Math.Cos(Math.PI / 4), left[first + 100], 1e-6f);
    }
}
