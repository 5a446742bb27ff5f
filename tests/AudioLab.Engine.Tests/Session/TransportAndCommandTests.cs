using AudioLab.Engine.Devices;
using AudioLab.Engine.Session;

namespace AudioLab.Engine.Tests.Session;

public sealed class TransportAndCommandTests : IDisposable
{
    private readonly SessionKit _kit = new();

    public void Dispose() => _kit.Dispose();

    private (EngineSession, VirtualDevice) Open(int queue = 256)
    {
        var device = _kit.Device(VirtualInputKind.Silence);
        var session = new EngineSession(device, new EngineSessionOptions
        {
            SampleRate = SessionKit.Rate, BufferFrames = SessionKit.Block, CaptureDirectory = _kit.CaptureFolder, CommandQueueCapacity = queue,
        });
        session.Start(SessionKit.Project(SessionKit.Track(0, [])));
        return (session, device);
    }

    [Fact]
    public void Play_advances_the_position_by_the_frames_played_stop_holds_it_and_seek_moves_it()
    {
        var (session, device) = Open();
        using (session)
        {
            session.Play(1001);
            device.RunBlocks(11); // an empty project needs no refill: it rolls at the first block
            var t = session.ReadTransport();
            Assert.Equal(TransportState.Rolling, t.State);
            Assert.True(t.IsPlaying);
            Assert.Equal(1001 + 11 * SessionKit.Block, t.PositionFrame);
            Assert.Equal(0, t.RollStartDeviceFrame);

            session.Stop();
            device.RunBlocks(5);
            t = session.ReadTransport();
            Assert.False(t.IsPlaying);
            Assert.Equal(1001 + 11 * SessionKit.Block, t.PositionFrame);

            session.Seek(48_013);
            device.RunBlocks(1);
            Assert.Equal(48_013, session.ReadTransport().PositionFrame);
            Assert.False(session.ReadTransport().IsPlaying);

            session.Play(48_013);
            session.Seek(7);
            device.RunBlocks(2);
            Assert.Equal(7 + 2 * SessionKit.Block, session.ReadTransport().PositionFrame);
        }
    }

    [Fact]
    public void A_loop_set_while_playing_wraps_at_its_end_and_counts_passes()
    {
        var (session, device) = Open();
        using (session)
        {
            session.SetLoop(1000, 1000 + 3 * SessionKit.Block + 5, enabled: true, repeatCount: null);
            session.Play(1000);
            device.RunBlocks(7); // 896 frames: 389 per pass -> 2 wraps, 118 frames into the third pass
            var t = session.ReadTransport();
            Assert.Equal(2, t.LoopCount);
            Assert.Equal(1000 + (7 * SessionKit.Block - 2 * 389), t.PositionFrame);
        }
    }

    [Fact]
    public void A_full_command_queue_is_an_error_to_the_caller_and_nothing_blocks()
    {
        var (session, device) = Open(queue: 4);
        using (session)
        {
            for (var i = 0; i < 4; i++) session.Seek(i);
            Assert.Throws<EngineQueueFullException>(() => session.Play(0));
            device.RunBlocks(1); // the audio thread drains the queue
            session.Play(0);
        }
    }

    [Fact]
    public void Recording_the_same_track_twice_or_stopping_a_track_that_is_not_recording_is_a_conflict()
    {
        var (session, _) = Open();
        using (session)
        {
            var track = Guid.NewGuid();
            Assert.Throws<SessionConflictException>(() => { _ = session.StopRecording(track); });
            session.StartRecording(track, [0]);
            Assert.True(session.IsRecording(track));
            Assert.Throws<SessionConflictException>(() => session.StartRecording(track, [1]));
            Assert.Throws<ArgumentException>(() => session.StartRecording(Guid.NewGuid(), [2]));
            Assert.Throws<ArgumentOutOfRangeException>(() => session.Play(-1));
        }
    }

    [Fact]
    public async Task Disposing_while_recording_closes_the_take_with_everything_taken_so_far()
    {
        var (session, device) = Open();
        var track = Guid.NewGuid();
        var recording = session.StartRecording(track, [0]);
        session.Play(0);
        device.RunBlocks(100);
        session.Dispose();
        var result = await recording.Completion.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        var take = Assert.Single(result.Takes);
        Assert.Equal(100 * SessionKit.Block, take.LengthFrames);
        Assert.True(File.Exists(take.FilePath));
    }
}
