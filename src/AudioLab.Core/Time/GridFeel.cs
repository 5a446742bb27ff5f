namespace AudioLab.Core.Time;

/// <summary>How a grid division's note value is modified.</summary>
public enum GridFeel
{
    Straight,
    /// <summary>Three in the time of two: 2/3 of the straight length.</summary>
    Triplet,
    /// <summary>One and a half times the straight length.</summary>
    Dotted,
}
