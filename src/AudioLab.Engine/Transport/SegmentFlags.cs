namespace AudioLab.Engine.Transport;

/// <summary>What is true of a <see cref="TransportSegment"/>. Flags named "starts" describe the segment's first frame only.</summary>
[Flags]
public enum SegmentFlags
{
    None = 0,

    /// <summary>The timeline jumped back to the loop start just before this segment (a wrap, or a jump after the loop moved behind the playhead).</summary>
    LoopWrapped = 1 << 0,

    /// <summary>Every frame of the segment is inside the enabled loop region.</summary>
    InLoop = 1 << 1,

    /// <summary>Every frame of the segment is inside the punch range: the recorder writes these frames.</summary>
    Recording = 1 << 2,

    /// <summary>A take starts at this segment's first frame (punch-in crossed, or a new loop pass inside the punch range).</summary>
    PunchIn = 1 << 3,

    /// <summary>The take that was running ended right before this segment (punch-out crossed, or a loop wrap): close it at the last frame written.</summary>
    PunchOut = 1 << 4,

    /// <summary>Count-in: the timeline is held at <see cref="TransportSegment.TimelineStart"/>; play only the click.</summary>
    CountIn = 1 << 5,
}
