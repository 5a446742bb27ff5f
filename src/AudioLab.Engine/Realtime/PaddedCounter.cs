using System.Runtime.InteropServices;

namespace AudioLab.Engine.Realtime;

/// <summary>
/// A 64-bit counter alone on its cache line(s). The producer's and the consumer's indices live in
/// separate instances so the two threads do not invalidate each other's line on every write (false sharing).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct PaddedCounter
{
    [FieldOffset(64)]
    public long Value;
}
