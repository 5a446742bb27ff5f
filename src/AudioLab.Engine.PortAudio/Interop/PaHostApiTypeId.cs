namespace AudioLab.Engine.PortAudio.Interop;

/// <summary>portaudio.h <c>PaHostApiTypeId</c> (values fixed by the ABI).</summary>
internal enum PaHostApiTypeId
{
    InDevelopment = 0,
    DirectSound = 1,
    Mme = 2,
    Asio = 3,
    SoundManager = 4,
    CoreAudio = 5,
    Oss = 7,
    Alsa = 8,
    Al = 9,
    BeOS = 10,
    Wdmks = 11,
    Jack = 12,
    Wasapi = 13,
    AudioScienceHpi = 14,
    AudioIO = 15,
    PulseAudio = 16,
    Sndio = 17,
}
