using AudioLab.Core.Audio;
using AudioLab.Engine.Devices;
using AudioLab.Engine.Model;
using AudioLab.Engine.Rendering;

namespace AudioLab.Engine.Tests.Session;

/// <summary>What a listener hears in real time is, sample for sample, what an offline render of the same project produces.</summary>
public sealed class PlaybackExportIdentityTests : IDisposable
{
    private readonly SessionKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Realtime_output_capture_is_sample_identical_to_an_offline_render()
    {
        var random = new Random(7);
        float[] Noise(int n, float level) => [.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1) * level)];
        var a = _kit.WriteMono("a.wav", Noise(60_000, 0.3f));
        var b = _kit.WriteMono("b.wav", [.. Enumerable.Range(0, 50_000).Select(i => 0.4f * MathF.Sin(i * 0.031f))]);
        var c = _kit.WriteMono("c.wav", Noise(30_000, 0.2f));
        var eq = new EffectModel("eq", new Dictionary<string, double> { ["peak1_gain_db"] = 6, ["high_cut_hz"] = 9000 });
        var project = SessionKit.Project(
            SessionKit.Track(0, [SessionKit.Clip(a, 0, 60_000), SessionKit.Clip(c, 70_001, 20_000, offset: 5_003)], volumeDb: -3, pan: -0.4),
            SessionKit.Track(1, [SessionKit.Clip(b, 12_345, 50_000)], volumeDb: 2, pan: 0.7, effects: [eq]),
            SessionKit.Track(2, [SessionKit.Clip(a, 33_333, 40_000, offset: 1000)], volumeDb: -12));
        const int total = 100_000;

        var device = _kit.Device(VirtualInputKind.Silence, captureOutput: true);
        long rollStart;
        using (var session = _kit.Session(device))
        {
            session.Start(project);
            rollStart = SessionKit.RollFrom(session, device, 0);
            SessionKit.RunUntil(device, () => session.ReadTransport().PositionFrame >= total);
            Assert.Equal(0, session.CurrentGraph!.UnderrunFrames);
        }
        var captured = SessionKit.ReadWav(_kit.OutputPath);

        // Offline: the export renderer, 32-bit float, its own (4096-frame) blocks and parallel track rendering.
        var exported = Path.Combine(_kit.Folder, "export.wav");
        new ExportRenderer().Render(project, new ExportOptions { OutputPath = exported, Format = SampleFormat.Float32, EndFrame = total },
            cancellationToken: TestContext.Current.CancellationToken);
        var offline = SessionKit.ReadWav(exported);
        Assert.Equal(total, offline[0].Length);
        var (left, right) = (offline[0], offline[1]);

        Assert.Contains(left, x => x != 0);
        for (var f = 0; f < total; f++)
        {
            if (captured[0][rollStart + f] != left[f] || captured[1][rollStart + f] != right[f])
                Assert.Fail($"Frame {f}: realtime ({captured[0][rollStart + f]}, {captured[1][rollStart + f]}) != offline ({left[f]}, {right[f]}).");
        }
        // Before rolling (located, waiting for the butler) the output is silent.
        Assert.All(captured[0].Take((int)rollStart), x => Assert.Equal(0f, x));
    }
}
