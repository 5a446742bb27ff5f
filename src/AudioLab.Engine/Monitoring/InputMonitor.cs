using System.Numerics.Tensors;

namespace AudioLab.Engine.Monitoring;

/// <summary>
/// Software monitoring: mixes each monitored track's input into the device output of the same block, so the engine adds
/// 0 frames to the round trip (what the performer hears late is only the device's own buffering). The monitor feed is a
/// cue mix straight to the output at the track's monitor level: it does not pass the track's effects, fader or the master
/// chain (a lookahead limiter there would add latency). A mono input is heard on both sides at the same level.
/// </summary>
public sealed class InputMonitor
{
    private readonly TrackInput?[] _inputs;
    private int _count;

    /// <summary>Control thread; allocates the fixed table.</summary>
    public InputMonitor(int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _inputs = new TrackInput?[capacity];
    }

    /// <summary>Inputs currently known (armed or monitored). Audio thread.</summary>
    public int Count => _count;

    /// <summary>Adds or replaces the track's input. False when the table is full. Audio thread; never allocates.</summary>
    public bool Set(TrackInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (var i = 0; i < _count; i++)
        {
            if (_inputs[i]!.TrackId != input.TrackId) continue;
            _inputs[i] = input;
            return true;
        }
        if (_count == _inputs.Length) return false;
        _inputs[_count++] = input;
        return true;
    }

    /// <summary>Forgets the track's input. Audio thread; never allocates.</summary>
    public void Remove(Guid trackId)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_inputs[i]!.TrackId != trackId) continue;
            _inputs[i] = _inputs[--_count];
            _inputs[_count] = null;
            return;
        }
    }

    /// <summary>
    /// Adds the monitored inputs of this block into the outputs (<paramref name="right"/> may be the same array as
    /// <paramref name="left"/> for a mono device). Audio thread; never allocates.
    /// </summary>
    public void Process(float[][] inputs, float[] left, float[] right, int frames)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        for (var i = 0; i < _count; i++)
        {
            var input = _inputs[i]!;
            if (!input.IsMonitored || input.MonitorLevel == 0f) continue;
            var channels = input.InputChannels;
            var first = channels[0];
            var second = channels.Count > 1 ? channels[1] : first;
            if (first >= inputs.Length || second >= inputs.Length) continue;
            var level = input.MonitorLevel;
            var l = left.AsSpan(0, frames);
            TensorPrimitives.MultiplyAdd(inputs[first].AsSpan(0, frames), level, l, l);
            if (!ReferenceEquals(left, right))
            {
                var r = right.AsSpan(0, frames);
                TensorPrimitives.MultiplyAdd(inputs[second].AsSpan(0, frames), level, r, r);
            }
        }
    }
}
