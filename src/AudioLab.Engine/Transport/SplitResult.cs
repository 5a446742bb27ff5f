namespace AudioLab.Engine.Transport;

/// <summary>How much of the requested frames <see cref="BlockSegmenter.Split"/> described.</summary>
/// <param name="SegmentCount">Segments written to the output span.</param>
/// <param name="FramesCovered">Frames covered; less than requested only when the output span filled up.</param>
public readonly record struct SplitResult(int SegmentCount, int FramesCovered);
