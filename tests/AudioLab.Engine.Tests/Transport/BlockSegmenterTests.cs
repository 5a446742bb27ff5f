using AudioLab.Engine.Transport;
using CsCheck;

namespace AudioLab.Engine.Tests.Transport;

public sealed class BlockSegmenterTests
{
    private sealed class Rig
    {
        public TransportCursor Cursor;
        public LoopRegionState Loop;
        public PunchRegion Punch;
        public readonly List<FrameStep> Frames = [];
        public readonly List<TransportSegment> Segments = [];
        private readonly TransportSegment[] _buffer = new TransportSegment[64];

        public Rig(long playhead, long countIn = 0) => Cursor = TransportCursor.At(playhead, countIn);

        public static LoopRegionState LoopOf(long start, long end, int? repeat = null)
        {
            var loop = default(LoopRegionState);
            loop.Set(start, end, enabled: true, repeat, playhead: 0);
            return loop;
        }

        /// <summary>Segments one block (in as many calls as the buffer needs) and checks the invariants every block must keep.</summary>
        public TransportSegment[] Block(int frames, int capacity = BlockSegmenter.RecommendedCapacity)
        {
            var block = new List<TransportSegment>();
            var offset = 0;
            while (offset < frames)
            {
                var result = BlockSegmenter.Split(ref Cursor, ref Loop, ref Punch, offset, frames - offset, _buffer.AsSpan(0, capacity));
                Assert.True(result.SegmentCount > 0 && result.FramesCovered > 0);
                block.AddRange(_buffer.AsSpan(0, result.SegmentCount));
                offset += result.FramesCovered;
            }
            var expectedOffset = 0;
            for (var i = 0; i < block.Count; i++)
            {
                var s = block[i];
                Assert.Equal(expectedOffset, s.Offset);
                Assert.True(s.Frames > 0);
                expectedOffset += s.Frames;
                if (i > 0)
                {
                    // No needless split: a boundary must be a jump, a change of state, or an event.
                    var prev = block[i - 1];
                    var continuous = prev.TimelineEnd == s.TimelineStart && !prev.Has(SegmentFlags.CountIn) && !s.Has(SegmentFlags.CountIn);
                    var sameState = (prev.Flags & FrameStep.Continuous) == (s.Flags & FrameStep.Continuous);
                    var evt = (s.Flags & ~FrameStep.Continuous) != 0;
                    Assert.False(continuous && sameState && !evt && prev.PassIndex == s.PassIndex, $"needless split between {prev} and {s}");
                }
            }
            Assert.Equal(frames, expectedOffset);
            Segments.AddRange(block);
            FrameStep.Expand(block.ToArray(), Frames);
            return [.. block];
        }

        public long[] Timeline => Frames.Select(f => f.Timeline).ToArray();
    }

    private static long[] Range(long start, long endExclusive) =>
        Enumerable.Range(0, (int)(endExclusive - start)).Select(i => start + i).ToArray();

    [Fact]
    public void A_block_without_events_is_one_segment()
    {
        var rig = new Rig(1_000);
        var segments = rig.Block(128);
        Assert.Equal([new TransportSegment(0, 128, 1_000, SegmentFlags.None, 0)], segments);
        Assert.Equal(1_128, rig.Cursor.Playhead);
    }

    [Fact]
    public void Wraps_at_the_exact_frame_inside_a_block()
    {
        var rig = new Rig(990) { Loop = Rig.LoopOf(500, 1_000) };
        var segments = rig.Block(128);
        Assert.Equal(
            [
                new TransportSegment(0, 10, 990, SegmentFlags.InLoop, 0),
                new TransportSegment(10, 118, 500, SegmentFlags.InLoop | SegmentFlags.LoopWrapped, 1),
            ],
            segments);
        Assert.Equal(618, rig.Cursor.Playhead);
        Assert.Equal(1, rig.Loop.Wraps);
    }

    [Fact]
    public void A_loop_end_on_a_block_edge_wraps_before_the_next_block()
    {
        var rig = new Rig(872) { Loop = Rig.LoopOf(500, 1_000) };
        rig.Block(128);
        Assert.Equal(500, rig.Cursor.Playhead); // the position shown between blocks is already the loop start
        Assert.Equal(1, rig.Loop.Wraps);
        var next = rig.Block(128);
        Assert.Equal([new TransportSegment(0, 128, 500, SegmentFlags.InLoop | SegmentFlags.LoopWrapped, 1)], next);
    }

    [Fact]
    public void Odd_frame_loop_plays_five_passes_exactly_then_continues()
    {
        // The loop 48,013 .. 96,007 with repeat_count 5, from frame 0 in 128-frame blocks.
        const long Start = 48_013, End = 96_007;
        var rig = new Rig(0) { Loop = Rig.LoopOf(Start, End, repeat: 5) };
        var total = End + 4 * (End - Start) + 10_000;
        while (rig.Frames.Count < total) rig.Block(128);

        var expected = Range(0, End)
            .Concat(Enumerable.Repeat(0, 4).SelectMany(_ => Range(Start, End)))
            .Concat(Range(End, End + 10_000));
        Assert.Equal(expected, rig.Timeline.Take((int)total));
        Assert.Equal(4, rig.Loop.Wraps);
        Assert.Equal(4, rig.Segments.Count(s => s.Has(SegmentFlags.LoopWrapped)));
        Assert.False(rig.Loop.CanWrap);
    }

    [Fact]
    public void Repeat_count_one_plays_the_region_once_and_never_wraps()
    {
        var rig = new Rig(0) { Loop = Rig.LoopOf(100, 300, repeat: 1) };
        for (var i = 0; i < 5; i++) rig.Block(128);
        Assert.Equal(Range(0, 640), rig.Timeline);
        Assert.Equal(0, rig.Loop.Wraps);
    }

    [Fact]
    public void A_loop_shorter_than_a_block_wraps_several_times_in_one_block()
    {
        var rig = new Rig(0) { Loop = Rig.LoopOf(3, 6) };
        var segments = rig.Block(16);
        Assert.Equal([0L, 1, 2, 3, 4, 5, 3, 4, 5, 3, 4, 5, 3, 4, 5, 3], rig.Timeline);
        Assert.Equal(6, segments.Length);
        Assert.Equal(4, rig.Loop.Wraps);
        Assert.Equal(4, rig.Cursor.Playhead);
    }

    [Fact]
    public void A_one_frame_loop_repeats_its_frame()
    {
        var rig = new Rig(7) { Loop = Rig.LoopOf(7, 8, repeat: 4) };
        rig.Block(6);
        Assert.Equal([7L, 7, 7, 7, 8, 9], rig.Timeline);
        Assert.Equal([0, 1, 2, 3, 3, 3], rig.Frames.Select(f => f.Pass));
    }

    [Fact]
    public void A_playhead_started_at_or_past_the_loop_end_plays_on()
    {
        foreach (var start in new long[] { 1_000, 1_001, 5_000 })
        {
            var rig = new Rig(start) { Loop = Rig.LoopOf(500, 1_000) };
            rig.Block(256);
            Assert.Equal(Range(start, start + 256), rig.Timeline);
            Assert.Equal(0, rig.Loop.Wraps);
        }
    }

    [Fact]
    public void Shrinking_the_loop_behind_the_playhead_jumps_to_the_start_at_the_next_block()
    {
        var rig = new Rig(0) { Loop = Rig.LoopOf(0, 10_000) };
        rig.Block(128); rig.Block(128);      // playhead 256, inside the loop
        rig.Loop.Set(64, 200, enabled: true, repeatCount: null, playhead: rig.Cursor.Playhead);
        var segments = rig.Block(128);
        Assert.Equal(new TransportSegment(0, 128, 64, SegmentFlags.InLoop | SegmentFlags.LoopWrapped, 1), segments[0]);
    }

    [Fact]
    public void A_loop_moved_ahead_of_the_playhead_is_entered_when_reached()
    {
        var rig = new Rig(0) { Loop = Rig.LoopOf(0, 10_000) };
        rig.Block(128);
        rig.Loop.Set(200, 300, enabled: true, repeatCount: null, playhead: rig.Cursor.Playhead);
        rig.Block(128); rig.Block(128); rig.Block(128);
        Assert.Equal(Range(0, 300).Concat(Range(200, 300)).Concat(Range(200, 300)).Concat(Range(200, 212)), rig.Timeline);
    }

    [Fact]
    public void A_loop_moved_wholly_behind_a_playhead_outside_it_does_not_pull_it_back()
    {
        var rig = new Rig(5_000) { Loop = Rig.LoopOf(0, 1_000) };
        rig.Loop.Set(100, 200, enabled: true, repeatCount: null, playhead: 5_000);
        rig.Block(64);
        Assert.Equal(Range(5_000, 5_064), rig.Timeline);
    }

    [Fact]
    public void Disabling_the_loop_mid_pass_plays_on()
    {
        var rig = new Rig(0) { Loop = Rig.LoopOf(0, 200) };
        rig.Block(128);
        rig.Loop.Set(0, 200, enabled: false, repeatCount: null, playhead: 128);
        rig.Block(128);
        Assert.Equal(Range(0, 256), rig.Timeline);
    }

    [Fact]
    public void Punch_points_inside_a_block_split_it_and_mark_the_take()
    {
        var rig = new Rig(0) { Punch = PunchRegion.Create(30, 90) };
        var segments = rig.Block(128);
        Assert.Equal(
            [
                new TransportSegment(0, 30, 0, SegmentFlags.None, 0),
                new TransportSegment(30, 60, 30, SegmentFlags.Recording | SegmentFlags.PunchIn, 0),
                new TransportSegment(90, 38, 90, SegmentFlags.PunchOut, 0),
            ],
            segments);
    }

    [Fact]
    public void Punch_points_exactly_on_block_edges_need_no_split()
    {
        var rig = new Rig(0) { Punch = PunchRegion.Create(128, 384) };
        var a = rig.Block(128);
        var b = rig.Block(128);
        var c = rig.Block(128);
        var d = rig.Block(128);
        Assert.Equal([new TransportSegment(0, 128, 0, SegmentFlags.None, 0)], a);
        Assert.Equal([new TransportSegment(0, 128, 128, SegmentFlags.Recording | SegmentFlags.PunchIn, 0)], b);
        Assert.Equal([new TransportSegment(0, 128, 256, SegmentFlags.Recording, 0)], c);
        Assert.Equal([new TransportSegment(0, 128, 384, SegmentFlags.PunchOut, 0)], d);
    }

    [Fact]
    public void Starting_inside_the_punch_range_starts_a_take_at_once()
    {
        var rig = new Rig(200) { Punch = PunchRegion.Create(100, 1_000) };
        Assert.Equal([new TransportSegment(0, 64, 200, SegmentFlags.Recording | SegmentFlags.PunchIn, 0)], rig.Block(64));
    }

    [Fact]
    public void Punch_with_a_loop_gives_one_take_per_pass()
    {
        // Loop 1000..2000, punch 1200..1700, 4 passes, odd block size.
        var rig = new Rig(900) { Loop = Rig.LoopOf(1_000, 2_000, repeat: 4), Punch = PunchRegion.Create(1_200, 1_700) };
        while (rig.Frames.Count < 5_000) rig.Block(97);
        var takes = Takes(rig.Segments);
        Assert.Equal(4, takes.Count);
        Assert.All(takes, t => Assert.Equal((1_200L, 1_700L), t));
    }

    [Fact]
    public void A_punch_covering_the_loop_start_splits_takes_at_each_wrap()
    {
        var rig = new Rig(0) { Loop = Rig.LoopOf(1_000, 2_000, repeat: 3), Punch = PunchRegion.Create(500, 2_500) };
        while (rig.Frames.Count < 5_000) rig.Block(128);
        // Pre-loop part + first pass, then two whole passes (the last one runs on to punch-out).
        Assert.Equal([(500L, 2_000L), (1_000L, 2_000L), (1_000L, 2_500L)], Takes(rig.Segments));
    }

    /// <summary>Takes as a recorder following the flags would cut them: (first frame, end frame).</summary>
    private static List<(long Start, long End)> Takes(IEnumerable<TransportSegment> segments)
    {
        var takes = new List<(long, long)>();
        long? start = null;
        long end = 0;
        foreach (var s in segments)
        {
            if (s.Has(SegmentFlags.PunchOut) && start is { } open) { takes.Add((open, end)); start = null; }
            if (s.Has(SegmentFlags.PunchIn)) start = s.TimelineStart;
            if (s.Has(SegmentFlags.Recording)) end = s.TimelineEnd;
        }
        if (start is { } last) takes.Add((last, end));
        return takes;
    }

    [Fact]
    public void Count_in_holds_the_timeline_then_plays()
    {
        var rig = new Rig(48_000, countIn: 200) { Punch = PunchRegion.Create(48_000, long.MaxValue) };
        var first = rig.Block(128);
        var second = rig.Block(128);
        Assert.Equal([new TransportSegment(0, 128, 48_000, SegmentFlags.CountIn, 0)], first);
        Assert.Equal(
            [
                new TransportSegment(0, 72, 48_000, SegmentFlags.CountIn, 0),
                new TransportSegment(72, 56, 48_000, SegmentFlags.Recording | SegmentFlags.PunchIn, 0),
            ],
            second);
        Assert.Equal(48_056, rig.Cursor.Playhead);
    }

    [Fact]
    public void A_full_output_span_covers_part_and_the_rest_follows_in_the_next_call()
    {
        var small = new Rig(0) { Loop = Rig.LoopOf(2, 5) };
        var large = new Rig(0) { Loop = Rig.LoopOf(2, 5) };
        small.Block(64, capacity: 2);
        large.Block(64, capacity: 64);
        Assert.Equal(large.Frames, small.Frames);
    }

    private sealed record Scenario(long Start, long CountIn, long LoopStart, long LoopLength, int? Repeat, bool LoopOn,
        long PunchIn, long PunchLength, bool PunchOn, int[] Blocks, int MoveAtBlock, long MoveStart, long MoveLength);

    private static readonly Gen<Scenario> Scenarios =
        from start in Gen.Long[0, 3_000]
        from countIn in Gen.OneOf(Gen.Const(0L), Gen.Long[1, 300])
        from loopStart in Gen.Long[0, 2_000]
        from loopLength in Gen.OneOf(Gen.Long[1, 8], Gen.Long[9, 1_500])
        from repeat in Gen.OneOf(Gen.Const((int?)null), Gen.Int[1, 6].Select(r => (int?)r))
        from loopOn in Gen.Bool
        from punchIn in Gen.Long[0, 3_000]
        from punchLength in Gen.Long[1, 2_000]
        from punchOn in Gen.Bool
        from blocks in Gen.Int[1, 300].Array[1, 60]
        from moveAt in Gen.Int[-1, 30]
        from moveStart in Gen.Long[0, 3_000]
        from moveLength in Gen.Long[1, 1_000]
        select new Scenario(start, countIn, loopStart, loopLength, repeat, loopOn, punchIn, punchLength, punchOn, blocks, moveAt, moveStart, moveLength);

    [Fact]
    public void Segments_match_a_frame_by_frame_model_for_any_block_sequence() =>
        Scenarios.Sample(sc =>
        {
            var loop = default(LoopRegionState);
            loop.Set(sc.LoopStart, sc.LoopStart + sc.LoopLength, sc.LoopOn, sc.Repeat, sc.Start);
            var punch = PunchRegion.Create(sc.PunchIn, sc.PunchIn + sc.PunchLength);
            punch.Enabled = sc.PunchOn;
            var rig = new Rig(sc.Start, sc.CountIn) { Loop = loop, Punch = punch };
            var model = new NaiveTransport { Playhead = sc.Start, CountIn = sc.CountIn, Loop = loop, Punch = punch };
            var expected = new List<FrameStep>();
            for (var b = 0; b < sc.Blocks.Length; b++)
            {
                if (b == sc.MoveAtBlock)
                {
                    // A loop command drained at the top of this block, against each side's own playhead.
                    rig.Loop.Set(sc.MoveStart, sc.MoveStart + sc.MoveLength, true, sc.Repeat, rig.Cursor.Playhead);
                    model.Loop.Set(sc.MoveStart, sc.MoveStart + sc.MoveLength, true, sc.Repeat, model.Playhead);
                }
                rig.Block(sc.Blocks[b]);
                for (var i = 0; i < sc.Blocks[b]; i++) expected.Add(model.Step());
                Assert.Equal(model.Loop.Wraps, rig.Loop.Wraps);
            }
            Assert.Equal(expected, rig.Frames);
        }, iter: 3000);

    [Fact]
    public void Every_loop_frame_plays_exactly_once_per_pass() =>
        Gen.Select(Gen.Long[0, 500], Gen.Long[1, 700], Gen.Int[1, 8], Gen.Int[1, 257].Array[200, 200])
            .Sample((before, length, passes, blocks) =>
            {
                const long LoopStart = 1_000;
                var rig = new Rig(LoopStart - before) { Loop = Rig.LoopOf(LoopStart, LoopStart + length, passes) };
                var total = before + passes * length + 50;
                var b = 0;
                while (rig.Frames.Count < total) rig.Block(blocks[b++ % blocks.Length]);

                var expected = Range(LoopStart - before, LoopStart)
                    .Concat(Enumerable.Repeat(0, passes).SelectMany(_ => Range(LoopStart, LoopStart + length)))
                    .Concat(Range(LoopStart + length, LoopStart + length + 50));
                Assert.Equal(expected, rig.Timeline.Take((int)total));
                Assert.Equal(passes - 1, rig.Loop.Wraps);
            }, iter: 500);

    [Fact]
    public void Segmenting_ten_thousand_blocks_allocates_nothing()
    {
        var cursor = TransportCursor.At(0);
        var loop = Rig.LoopOf(48_013, 96_007);
        var punch = PunchRegion.Create(50_001, 90_017);
        Span<TransportSegment> segments = stackalloc TransportSegment[BlockSegmenter.RecommendedCapacity];
        long frames = 0;
        for (var i = 0; i < 1_000; i++) frames += BlockSegmenter.Split(ref cursor, ref loop, ref punch, 0, 128, segments).FramesCovered;

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            if (i == 5_000) loop.Set(60_000, 70_003, true, null, cursor.Playhead);
            var result = BlockSegmenter.Split(ref cursor, ref loop, ref punch, 0, 128, segments);
            frames += result.FramesCovered;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(11_000 * 128, frames);
        Assert.True(loop.Wraps > 10);
    }
}
