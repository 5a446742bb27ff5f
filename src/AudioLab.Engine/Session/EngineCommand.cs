namespace AudioLab.Engine.Session;

/// <summary>
/// One command for the audio thread, a plain struct so the bounded queue holds it without allocating. <see cref="Payload"/>
/// carries an object prepared (and allocated) by the control thread, e.g. a <c>TrackRecording</c>.
/// </summary>
/// <param name="Frame">Play/seek position, loop start.</param>
/// <param name="EndFrame">Loop end.</param>
/// <param name="Count">Loop repeat count (passes), or -1 for forever.</param>
public readonly record struct EngineCommand(
    EngineCommandKind Kind,
    long Frame = 0,
    long EndFrame = 0,
    int Count = 0,
    bool Flag = false,
    Guid TrackId = default,
    object? Payload = null);
