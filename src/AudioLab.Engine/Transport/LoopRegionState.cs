namespace AudioLab.Engine.Transport;

/// <summary>
/// The loop as the audio thread sees it: region [StartFrame, EndFrame) (end exclusive), on/off, how many
/// passes to play (null = forever) and how many wraps happened so far. Owned and mutated by the audio
/// thread only (commands carry new values in; snapshots copy it out); a plain struct so it never allocates.
/// </summary>
public struct LoopRegionState
{
    public long StartFrame;

    /// <summary>Exclusive: the last frame of a pass is EndFrame - 1, the frame after it is StartFrame again.</summary>
    public long EndFrame;

    public bool Enabled;

    /// <summary>Total passes to play before continuing past the end; null loops forever. A pass ends at a wrap, so N passes = N - 1 wraps.</summary>
    public int? RepeatCount;

    /// <summary>Wraps done since the transport started or last seeked: the loop count shown to the user.</summary>
    public int Wraps;

    /// <summary>Set when the loop was moved so that a playhead inside it is now at or past its end: the next segment jumps to the start.</summary>
    public bool JumpPending;

    public readonly long Length => EndFrame - StartFrame;

    /// <summary>True while another wrap is allowed by <see cref="RepeatCount"/>.</summary>
    public readonly bool CanWrap => Enabled && (RepeatCount is not { } passes || Wraps < passes - 1);

    /// <summary>True when the loop is on and the frame lies in [StartFrame, EndFrame).</summary>
    public readonly bool Contains(long frame) => Enabled && frame >= StartFrame && frame < EndFrame;

    /// <summary>
    /// Applies a new region while the transport may be playing. Audio thread; never allocates. If the
    /// playhead was inside the old loop and is now at or past the new end, the next segment jumps to the new
    /// start at once (shrinking a loop behind the playhead must not let playback run off). Any other playhead
    /// position plays on naturally: before the new start it will enter the loop, past an end it was not
    /// inside it keeps playing. The wrap count is kept, so <see cref="RepeatCount"/> counts the whole run.
    /// </summary>
    public void Set(long startFrame, long endFrame, bool enabled, int? repeatCount, long playhead)
    {
        var wasInside = Contains(playhead);
        StartFrame = startFrame;
        EndFrame = endFrame;
        Enabled = enabled && endFrame > startFrame;
        RepeatCount = repeatCount;
        JumpPending = wasInside && Enabled && playhead >= endFrame && CanWrap;
    }

    /// <summary>Called when the transport starts or seeks: passes count from zero again. Audio thread; never allocates.</summary>
    public void ResetPasses()
    {
        Wraps = 0;
        JumpPending = false;
    }

    /// <summary>
    /// Null when a loop region is acceptable, otherwise a message for a 422. Not for the audio thread
    /// (builds strings); the API checks here before sending the command.
    /// </summary>
    public static string? Validate(long startFrame, long endFrame, int? repeatCount, long minLengthFrames, long projectEndFrame)
    {
        if (startFrame < 0) return $"Loop start cannot be negative, got frame {startFrame}.";
        if (endFrame <= startFrame) return $"Loop end (frame {endFrame}) must be after loop start (frame {startFrame}).";
        if (endFrame > projectEndFrame) return $"Loop end (frame {endFrame}) is past the end of the project (frame {projectEndFrame}).";
        if (endFrame - startFrame < minLengthFrames)
            return $"Loop is {endFrame - startFrame} frames long; it must be at least {minLengthFrames} frames (one audio block).";
        if (repeatCount is < 1) return $"repeat_count must be at least 1 (or null to loop forever), got {repeatCount}.";
        return null;
    }
}
