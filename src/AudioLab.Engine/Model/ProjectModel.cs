namespace AudioLab.Engine.Model;

/// <summary>
/// What the engine needs to know of a project to make sound: an immutable copy of the database model,
/// built on a control thread and handed to <c>GraphBuilder</c>. Times are frames at <see cref="SampleRate"/>.
/// </summary>
public sealed record ProjectModel(
    int SampleRate,
    double Tempo,
    int BeatsPerBar,
    int BeatUnit,
    IReadOnlyList<TrackModel> Tracks,
    IReadOnlyList<EffectModel> MasterEffects);

/// <summary>One track's strip. <see cref="Pan"/> is -1 (left) .. +1 (right).</summary>
public sealed record TrackModel(
    Guid Id,
    int Index,
    string Name,
    double VolumeDb,
    double Pan,
    bool Mute,
    bool Solo,
    IReadOnlyList<ClipModel> Clips,
    IReadOnlyList<EffectModel> Effects);

/// <summary>
/// A region of an audio file placed on the timeline. The file (at the project rate) is read from
/// <see cref="SourceOffsetFrames"/> for <see cref="LengthFrames"/> frames and starts sounding at <see cref="StartFrame"/>.
/// </summary>
public sealed record ClipModel(
    Guid Id,
    string AudioPath,
    int Channels,
    long StartFrame,
    long SourceOffsetFrames,
    long LengthFrames,
    double GainDb,
    long FadeInFrames,
    long FadeOutFrames);

/// <summary>One effect of a chain: its type name (e.g. "eq", "compressor") and parameters by name.</summary>
public sealed record EffectModel(string Type, IReadOnlyDictionary<string, double> Parameters, bool Enabled = true);
