namespace AudioLab.Core.Time;

/// <summary>
/// Snaps frames to a project's beat grid. Grid lines of a division lie at whole multiples of its length
/// from frame 0 (= bar 1), so in 6/8 or 7/8 a "1/1" line need not fall on a bar line. Tie rule: a frame
/// exactly halfway between two lines goes to the later line (the same "halves go up" rule as every other
/// rounding to frames here). Grid lines are computed exactly and only the chosen line is rounded.
/// </summary>
public sealed class QuantizeEngine
{
    public QuantizeEngine(TempoMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        Map = map;
    }

    public TempoMap Map { get; }

    /// <summary>Exact (unrounded) frame of grid line <paramref name="index"/> (line 0 is frame 0).</summary>
    public double LineFrame(long index, GridDivision division) =>
        Map.FrameAtQuarterNotes(index * division.QuarterNotesNumerator, division.QuarterNotesDenominator);

    /// <summary>Index of the last grid line at or before <paramref name="frame"/>.</summary>
    public long LineIndexAtOrBefore(long frame, GridDivision division)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(frame);
        var k = (long)Math.Floor(frame / LineFrame(1, division));
        // The division above can be off by one ulp; settle it against the exact line positions.
        while (k > 0 && LineFrame(k, division) > frame) k--;
        while (LineFrame(k + 1, division) <= frame) k++;
        return k;
    }

    /// <summary>The nearest grid line to <paramref name="frame"/>, rounded to a frame; ties go to the later line.</summary>
    public long SnapToGrid(long frame, GridDivision division)
    {
        var k = LineIndexAtOrBefore(frame, division);
        var before = LineFrame(k, division);
        var after = LineFrame(k + 1, division);
        var exact = after - frame <= frame - before ? after : before;
        return TempoMap.RoundFrame(exact);
    }

    /// <summary>
    /// The new start frame of a clip quantized to the grid: its start moves to the nearest line, its length
    /// and content offset stay as they are (moving the whole clip keeps the audio's internal timing).
    /// </summary>
    public long QuantizeClipStart(long clipStartFrame, GridDivision division) => SnapToGrid(clipStartFrame, division);

    /// <summary>True when the frame is the rounded position of a grid line.</summary>
    public bool IsOnGrid(long frame, GridDivision division)
    {
        var k = LineIndexAtOrBefore(frame, division);
        return TempoMap.RoundFrame(LineFrame(k, division)) == frame || TempoMap.RoundFrame(LineFrame(k + 1, division)) == frame;
    }
}
