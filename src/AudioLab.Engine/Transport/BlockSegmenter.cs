namespace AudioLab.Engine.Transport;

/// <summary>
/// Splits an audio block into <see cref="TransportSegment"/>s at every sample-accurate transport event inside
/// it: loop start/end (wraps), punch-in/out and the end of a count-in. The engine runs the graph once per
/// segment; the recorder starts, stops and splits takes exactly at segment boundaries.
/// </summary>
/// <remarks>
/// Rules: a wrap happens at the exact frame (the frame after EndFrame - 1 is StartFrame, nothing skipped or
/// repeated), also several times in one block when the loop is shorter than the block. Only a playhead that
/// plays into the loop end wraps; a playhead that starts or seeks to at/after the end plays on, as in every
/// DAW. After <see cref="LoopRegionState.RepeatCount"/> passes the playhead continues past the end. A loop
/// moved behind a playhead that was inside it jumps to the new start at the next block (see
/// <see cref="LoopRegionState.Set"/>). Segments are also split where the playhead enters or leaves the loop
/// so that <see cref="SegmentFlags.InLoop"/> holds for every frame of a segment.
/// </remarks>
public static class BlockSegmenter
{
    /// <summary>A span size that is enough for any block when loops are at least one block long (the API's rule): pre-loop, loop parts around punch points, a wrap, and the same again.</summary>
    public const int RecommendedCapacity = 16;

    /// <summary>
    /// Describes the next <paramref name="frames"/> frames of the block, starting at <paramref name="blockOffset"/>,
    /// and advances the cursor, loop wrap count and punch state. If <paramref name="output"/> fills up first,
    /// the result says how many frames were covered; call again for the rest with the offset moved on.
    /// Audio thread; never allocates, locks or throws.
    /// </summary>
    public static SplitResult Split(
        ref TransportCursor cursor,
        ref LoopRegionState loop,
        ref PunchRegion punch,
        int blockOffset,
        int frames,
        Span<TransportSegment> output)
    {
        var done = 0;
        var count = 0;
        while (done < frames && count < output.Length)
        {
            var offset = blockOffset + done;
            var remaining = frames - done;

            if (cursor.CountInRemaining > 0)
            {
                var countIn = (int)Math.Min(remaining, cursor.CountInRemaining);
                output[count++] = new TransportSegment(offset, countIn, cursor.Playhead, SegmentFlags.CountIn, loop.Wraps);
                cursor.CountInRemaining -= countIn;
                done += countIn;
                continue;
            }

            var wrapped = cursor.WrapPending;
            if (loop.JumpPending)
            {
                loop.JumpPending = false;
                if (loop.CanWrap)
                {
                    cursor.Playhead = loop.StartFrame;
                    loop.Wraps++;
                    wrapped = true;
                }
            }

            var p = cursor.Playhead;
            long n = remaining;
            var inLoop = loop.Contains(p);
            var wrapAtEnd = inLoop && loop.CanWrap;
            if (loop.Enabled)
            {
                if (p < loop.StartFrame) n = Math.Min(n, loop.StartFrame - p);
                else if (p < loop.EndFrame) n = Math.Min(n, loop.EndFrame - p);
            }

            var recording = punch.Contains(p);
            if (punch.Enabled)
            {
                if (p < punch.InFrame) n = Math.Min(n, punch.InFrame - p);
                else if (p < punch.OutFrame) n = Math.Min(n, punch.OutFrame - p);
            }

            var flags = SegmentFlags.None;
            if (wrapped) flags |= SegmentFlags.LoopWrapped;
            if (inLoop) flags |= SegmentFlags.InLoop;
            if (recording) flags |= SegmentFlags.Recording;
            if (recording && (!punch.WasRecording || wrapped)) flags |= SegmentFlags.PunchIn;
            if (punch.WasRecording && (!recording || wrapped)) flags |= SegmentFlags.PunchOut;

            output[count++] = new TransportSegment(offset, (int)n, p, flags, loop.Wraps);
            punch.WasRecording = recording;
            cursor.WrapPending = false;

            p += n;
            done += (int)n;
            if (wrapAtEnd && p == loop.EndFrame)
            {
                // Wrap now rather than at the next segment: the position shown between blocks is then the loop
                // start, and a seek to exactly the end (which must play on) cannot be mistaken for a wrap.
                p = loop.StartFrame;
                loop.Wraps++;
                cursor.WrapPending = true;
            }
            cursor.Playhead = p;
        }
        return new SplitResult(count, done);
    }
}
