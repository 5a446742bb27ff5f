namespace AudioLab.Core.Time;

/// <summary>What a plain number means in a position field: the field's name says which (e.g. "position" is seconds, "frame" is frames).</summary>
public enum PositionUnit
{
    Seconds,
    Frames,
}
