namespace AudioLab.Engine.Recording;

/// <summary>
/// A take boundary or a silence pad, positioned in a recording's ring stream: it applies just before ring frame
/// <paramref name="RingFrame"/> (frames counted since the recording began). Sent from the audio thread to the disk
/// writer after the ring frames before it, so the writer never sees an event ahead of its audio.
/// </summary>
public readonly record struct CaptureEvent(CaptureEventKind Kind, long RingFrame, long TimelineFrame, long Frames);
