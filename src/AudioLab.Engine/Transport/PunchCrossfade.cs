namespace AudioLab.Engine.Transport;

/// <summary>
/// Blends punched-in audio over the old audio. Both fades lie inside the punch range, [in, in + fade) and
/// [out - fade, out), so every frame outside the punch is exactly the old audio (new audio exists only
/// between the punch points). When the punch is shorter than two fades, each fade shrinks to half of it.
/// </summary>
public static class PunchCrossfade
{
    /// <summary>The fade length actually used for a punch of this length.</summary>
    public static int EffectiveFadeFrames(long punchIn, long punchOut, int fadeFrames) =>
        (int)Math.Max(0, Math.Min(fadeFrames, (punchOut - punchIn) / 2));

    /// <summary>Gain of the new audio at a timeline frame (the old audio's gain is the equal-power complement). Audio thread; never allocates.</summary>
    public static float NewGain(long frame, long punchIn, long punchOut, int fadeFrames)
    {
        if (frame < punchIn || frame >= punchOut) return 0f;
        var fade = EffectiveFadeFrames(punchIn, punchOut, fadeFrames);
        if (frame < punchIn + fade) return EqualPowerCrossfade.FadeIn((int)(frame - punchIn), fade);
        if (frame >= punchOut - fade) return EqualPowerCrossfade.FadeOut((int)(frame - (punchOut - fade)), fade);
        return 1f;
    }

    /// <summary>Gain of the old audio at a timeline frame. Audio thread; never allocates.</summary>
    public static float OldGain(long frame, long punchIn, long punchOut, int fadeFrames)
    {
        if (frame < punchIn || frame >= punchOut) return 1f;
        var fade = EffectiveFadeFrames(punchIn, punchOut, fadeFrames);
        if (frame < punchIn + fade) return EqualPowerCrossfade.FadeOut((int)(frame - punchIn), fade);
        if (frame >= punchOut - fade) return EqualPowerCrossfade.FadeIn((int)(frame - (punchOut - fade)), fade);
        return 0f;
    }

    /// <summary>
    /// Replaces <paramref name="oldInOut"/> (one channel, timeline frames starting at <paramref name="timelineStart"/>)
    /// with the punched result: old outside, new inside, equal-power fades at both points.
    /// <paramref name="newAudio"/> holds the new take's frames aligned with <paramref name="oldInOut"/>
    /// (values outside the punch are ignored). Audio thread or renderer; never allocates.
    /// </summary>
    public static void Apply(Span<float> oldInOut, ReadOnlySpan<float> newAudio, long timelineStart, long punchIn, long punchOut, int fadeFrames)
    {
        if (newAudio.Length < oldInOut.Length) throw new ArgumentException("New audio must cover the same frames as the old audio.", nameof(newAudio));
        for (var i = 0; i < oldInOut.Length; i++)
        {
            var frame = timelineStart + i;
            if (frame < punchIn || frame >= punchOut) continue;
            oldInOut[i] = oldInOut[i] * OldGain(frame, punchIn, punchOut, fadeFrames)
                + newAudio[i] * NewGain(frame, punchIn, punchOut, fadeFrames);
        }
    }
}
