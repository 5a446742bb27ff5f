namespace AudioLab.Engine.Transport;

/// <summary>The transport's moving state between blocks, owned by the audio thread.</summary>
public struct TransportCursor
{
    /// <summary>Timeline frame the next block starts at.</summary>
    public long Playhead;

    /// <summary>Frames of count-in still to play before the timeline moves.</summary>
    public long CountInRemaining;

    /// <summary>A wrap happened at the very end of the last segment; the next segment carries <see cref="SegmentFlags.LoopWrapped"/>.</summary>
    public bool WrapPending;

    public static TransportCursor At(long playhead, long countInFrames = 0) =>
        new() { Playhead = playhead, CountInRemaining = countInFrames };
}
