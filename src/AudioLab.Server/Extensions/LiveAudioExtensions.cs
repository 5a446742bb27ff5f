using AudioLab.Engine.Devices;
using AudioLab.Engine.PortAudio;
using AudioLab.Server.Live;
using Microsoft.Extensions.Options;

namespace AudioLab.Server.Extensions;

public static class LiveAudioExtensions
{
    /// <summary>
    /// Devices (<c>Audio:*</c>: backend, buffer size, virtual device input/latency/output), the session manager and
    /// start-up recovery of unsaved takes.
    /// </summary>
    public static IServiceCollection AddLiveAudio(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AudioOptions>().Bind(configuration.GetSection(AudioOptions.SectionName));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AudioOptions>>().Value;
            options.Validate();
            var virtualBackend = new VirtualAudioBackend(options.Virtual.ToDeviceOptions(options.SampleRate));
            // PortAudio is listed whenever the library loads; devices it cannot open are reported, not fatal.
            return new AudioDeviceCatalog(options, virtualBackend, new PortAudioBackend(options.JackClientName));
        });
        services.AddSingleton<SessionManager>();
        services.AddHostedService<CaptureRecoveryService>();
        return services;
    }
}
