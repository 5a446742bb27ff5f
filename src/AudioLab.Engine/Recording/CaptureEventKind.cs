namespace AudioLab.Engine.Recording;

/// <summary>What a <see cref="CaptureEvent"/> tells the disk writer.</summary>
public enum CaptureEventKind
{
    /// <summary>A new take (a new WAV file) starts with the next ring frame, at <see cref="CaptureEvent.TimelineFrame"/>.</summary>
    TakeStart,

    /// <summary><see cref="CaptureEvent.Frames"/> frames of silence go into the take here (input lost to an xrun or a full ring).</summary>
    Silence,

    /// <summary>The running take ends here.</summary>
    TakeEnd,
}
