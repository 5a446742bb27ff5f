using System.Globalization;
using AudioLab.Engine.Devices;
using AudioLab.Engine.Model;
using AudioLab.Engine.Session;

// Usage: AudioLab.Engine.CrashHelper CAPTURE_DIR
// Records the virtual device's sine input (real-time clock) onto one track and prints
// "captured <frames>" ten times a second, until the parent kills the process.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: AudioLab.Engine.CrashHelper CAPTURE_DIR");
    return 2;
}
var device = new VirtualDevice(new VirtualDeviceOptions { Input = VirtualInputKind.Sine, SineHz = 997, SineLevel = 0.5f, Clock = VirtualClockMode.RealTime });
var session = new EngineSession(device, new EngineSessionOptions { CaptureDirectory = args[0] });
var track = Guid.Parse("11111111-2222-3333-4444-555555555555");
session.Start(new ProjectModel(48_000, 120, 4, 4, [new TrackModel(track, 0, "take", 0, 0, false, false, [], [])], []));
var recording = session.StartRecording(track, [0]);
session.Play(0);
while (true)
{
    Thread.Sleep(100);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"captured {recording.FramesCaptured}"));
    Console.Out.Flush();
}
