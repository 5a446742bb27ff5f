namespace AudioLab.Engine.Devices;

/// <summary>Sine generator for the virtual input. Phase is derived from the device frame, so dropped periods keep it continuous in time.</summary>
internal sealed class SineInput(double hz, float level, int sampleRate)
{
    /// <summary>Audio thread; never allocates.</summary>
    public void Fill(float[][] inputs, int frames, long deviceFrame)
    {
        if (inputs.Length == 0) return;
        var cyclesPerFrame = hz / sampleRate;
        var startCycle = deviceFrame * cyclesPerFrame;
        startCycle -= Math.Floor(startCycle); // keep the argument small so precision does not decay over hours
        var first = inputs[0];
        for (var i = 0; i < frames; i++) first[i] = level * (float)Math.Sin(2 * Math.PI * (startCycle + i * cyclesPerFrame));
        for (var c = 1; c < inputs.Length; c++) first.AsSpan(0, frames).CopyTo(inputs[c]);
    }
}
