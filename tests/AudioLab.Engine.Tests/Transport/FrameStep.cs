using AudioLab.Engine.Transport;

namespace AudioLab.Engine.Tests.Transport;

/// <summary>What one output frame plays: the unit both the segmenter and the naive model are compared in.</summary>
internal readonly record struct FrameStep(long Timeline, SegmentFlags Flags, int Pass)
{
    /// <summary>Flags that hold for every frame of a segment; the others mark only its first frame.</summary>
    public const SegmentFlags Continuous = SegmentFlags.InLoop | SegmentFlags.Recording | SegmentFlags.CountIn;

    public static void Expand(ReadOnlySpan<TransportSegment> segments, List<FrameStep> into)
    {
        foreach (var s in segments)
        {
            for (var i = 0; i < s.Frames; i++)
            {
                var timeline = s.Has(SegmentFlags.CountIn) ? s.TimelineStart : s.TimelineStart + i;
                into.Add(new FrameStep(timeline, i == 0 ? s.Flags : s.Flags & Continuous, s.PassIndex));
            }
        }
    }
}
