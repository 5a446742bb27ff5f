using Microsoft.AspNetCore.Http.HttpResults;
using AudioLab.Core.Time;
using AudioLab.Engine.Devices;
using AudioLab.Server.Contracts;

namespace AudioLab.Server.Apis;

public static class DevicesApi
{
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/devices").WithTags("Devices")
            .MapGet("/", ListDevices).WithSummary("List audio devices (virtual, and PortAudio's when available) with channels and reported latencies");
        return app;
    }

    public static Ok<List<DeviceResponse>> ListDevices(AudioDeviceCatalog catalog) =>
        TypedResults.Ok(catalog.ListDevices().Select(ToResponse).ToList());

    internal static DeviceResponse ToResponse(AudioDeviceInfo d) =>
        new(d.Id, d.Name, d.HostApi, d.InputChannels, d.OutputChannels, d.DefaultSampleRate,
            d.InputLatencyFrames, FrameTime.ToSeconds(d.InputLatencyFrames, d.DefaultSampleRate),
            d.OutputLatencyFrames, FrameTime.ToSeconds(d.OutputLatencyFrames, d.DefaultSampleRate));
}
