namespace AudioLab.Engine.Graph;

/// <summary>
/// The clip fade shape: a quarter sine (equal-power). A fade of F frames gives frame k of the fade-in the gain
/// sin(π/2 · k/F), so the clip's first frame is silent and the gain reaches 1 at frame F; the fade-out mirrors it with
/// k counted back from the clip's last frame, so the last frame is silent too. Equal-power keeps the perceived level
/// steady when a fade-out overlaps the next clip's fade-in. Fades that overlap within one clip multiply.
/// </summary>
public static class FadeCurve
{
    /// <summary>Gain at frame <paramref name="k"/> of a fade of <paramref name="fadeFrames"/> frames (1 from k ≥ F on).</summary>
    public static double Gain(long k, long fadeFrames) =>
        k >= fadeFrames ? 1.0 : Math.Sin(Math.PI / 2 * k / fadeFrames);
}
