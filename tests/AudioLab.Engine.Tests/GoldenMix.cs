using AudioLab.Engine.Model;

namespace AudioLab.Engine.Tests;

/// <summary>
/// The mix computed the slow, obvious way, in double, straight from the source samples and the textbook formulas —
/// independent of the engine's code — to compare exports against.
/// </summary>
public static class GoldenMix
{
    public static double[][] Compute(ProjectModel project, long start, long frames, Func<string, float[][]> source, Guid? onlyTrack = null, bool applyVolumeAndPan = true)
    {
        var outL = new double[frames];
        var outR = new double[frames];
        var anySolo = project.Tracks.Any(t => t.Solo);
        foreach (var track in project.Tracks)
        {
            if (onlyTrack is { } id && track.Id != id) continue;
            if (track.Mute || (anySolo && !track.Solo)) continue;
            var theta = (Math.Clamp(track.Pan, -1, 1) + 1) * Math.PI / 4;
            var vol = applyVolumeAndPan ? Math.Pow(10, track.VolumeDb / 20) : 1;
            var gl = applyVolumeAndPan ? vol * Math.Cos(theta) : 1;
            var gr = applyVolumeAndPan ? vol * Math.Sin(theta) : 1;
            foreach (var clip in track.Clips)
            {
                var src = source(clip.AudioPath);
                var clipGain = Math.Pow(10, clip.GainDb / 20);
                for (long t = 0; t < frames; t++)
                {
                    var k = start + t - clip.StartFrame;
                    if (k < 0 || k >= clip.LengthFrames) continue;
                    var s = clip.SourceOffsetFrames + k;
                    double l = 0, r = 0;
                    if (s < src[0].Length)
                    {
                        l = src[0][s];
                        r = src.Length > 1 ? src[1][s] : src[0][s];
                    }
                    var g = clipGain;
                    if (k < clip.FadeInFrames) g *= Math.Sin(Math.PI / 2 * k / clip.FadeInFrames);
                    var fromEnd = clip.LengthFrames - 1 - k;
                    if (fromEnd < clip.FadeOutFrames) g *= Math.Sin(Math.PI / 2 * fromEnd / clip.FadeOutFrames);
                    outL[t] += l * g * gl;
                    outR[t] += r * g * gr;
                }
            }
        }
        return [outL, outR];
    }

    /// <summary>Largest difference in LSBs of <paramref name="bits"/>-bit audio.</summary>
    public static double MaxErrorLsb(float[][] actual, double[][] expected, int bits)
    {
        var lsb = Math.ScaleB(1.0, -(bits - 1));
        double worst = 0;
        for (var c = 0; c < 2; c++)
        {
            Assert.Equal(expected[c].Length, actual[c].Length);
            for (var i = 0; i < expected[c].Length; i++)
                worst = Math.Max(worst, Math.Abs(actual[c][i] - expected[c][i]) / lsb);
        }
        return worst;
    }
}
