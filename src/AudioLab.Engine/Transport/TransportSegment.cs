namespace AudioLab.Engine.Transport;

/// <summary>
/// A stretch of an audio block with continuous timeline: block frames [Offset, Offset + Frames) play
/// timeline frames [TimelineStart, TimelineStart + Frames) (held at TimelineStart during a count-in).
/// </summary>
/// <param name="PassIndex">Loop wraps done before this segment (0 on the first pass).</param>
public readonly record struct TransportSegment(int Offset, int Frames, long TimelineStart, SegmentFlags Flags, int PassIndex)
{
    /// <summary>Exclusive timeline end.</summary>
    public long TimelineEnd => (Flags & SegmentFlags.CountIn) != 0 ? TimelineStart : TimelineStart + Frames;

    public bool Has(SegmentFlags flag) => (Flags & flag) == flag;
}
