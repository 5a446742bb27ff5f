namespace AudioLab.Engine.Transport;

/// <summary>
/// Punch range [InFrame, OutFrame) (out exclusive) in which an armed track records by itself, plus whether
/// the previous segment was recording (so take starts and ends can be flagged). Audio-thread owned; a plain
/// struct so it never allocates. <see cref="long.MaxValue"/> as OutFrame means "until stopped", which is
/// also how a count-in or pre-roll start that records from a given frame is expressed.
/// </summary>
public struct PunchRegion
{
    public long InFrame;
    public long OutFrame;
    public bool Enabled;

    /// <summary>Whether the last segment produced was inside the punch range; reset on start and seek.</summary>
    public bool WasRecording;

    public static PunchRegion Create(long inFrame, long outFrame) =>
        new() { InFrame = inFrame, OutFrame = outFrame, Enabled = outFrame > inFrame };

    public readonly bool Contains(long frame) => Enabled && frame >= InFrame && frame < OutFrame;

    /// <summary>Where playback starts for a pre-roll of the given length (never before frame 0).</summary>
    public readonly long PreRollStart(long preRollFrames) => Math.Max(0, InFrame - Math.Max(0, preRollFrames));

    /// <summary>Called when the transport starts or seeks: no take is running. Audio thread; never allocates.</summary>
    public void ResetRecording() => WasRecording = false;

    /// <summary>Null when a punch range is acceptable, otherwise a message for a 422 (not for the audio thread).</summary>
    public static string? Validate(long inFrame, long outFrame, long preRollFrames = 0)
    {
        if (inFrame < 0) return $"Punch-in cannot be negative, got frame {inFrame}.";
        if (outFrame <= inFrame) return $"Punch-out (frame {outFrame}) must be after punch-in (frame {inFrame}).";
        if (preRollFrames < 0) return $"Pre-roll cannot be negative, got {preRollFrames} frames.";
        return null;
    }
}
