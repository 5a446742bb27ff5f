using System.Diagnostics;
using System.Globalization;
using AudioLab.Core.Audio;
using AudioLab.Engine.Recording;
using AudioLab.Engine.Tests.Session;

namespace AudioLab.Engine.Tests.Recording;

public sealed class CaptureRecoveryTests : IDisposable
{
    private readonly SessionKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task A_take_of_a_process_killed_with_sigkill_is_recovered_at_most_one_second_short()
    {
        var helper = Path.Combine(AppContext.BaseDirectory, "AudioLab.Engine.CrashHelper.dll");
        Assert.True(File.Exists(helper), $"missing {helper}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(helper);
        start.ArgumentList.Add(_kit.CaptureFolder);
        using var child = Process.Start(start)!;
        long lastReported = 0;
        var watch = Stopwatch.StartNew();
        while (lastReported < 3 * 48_000 && watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            var line = await child.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)
                ?? throw new InvalidOperationException("helper exited: " + await child.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
            if (line.StartsWith("captured ", StringComparison.Ordinal)) lastReported = long.Parse(line[9..], CultureInfo.InvariantCulture);
        }
        child.Kill(); // SIGKILL on Unix: no finally blocks, no flush, no dispose
        await child.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(lastReported >= 3 * 48_000, "the helper did not record");

        var recovered = Assert.Single(CaptureRecovery.Scan(new CaptureLog(_kit.CaptureFolder)));
        Assert.False(recovered.Closed);
        var take = recovered.Take;
        Assert.Equal(Guid.Parse("11111111-2222-3333-4444-555555555555"), take.TrackId);
        Assert.Equal(0, take.StartFrame);
        Assert.True(take.LengthFrames >= lastReported - 48_000, $"recovered {take.LengthFrames} frames, {lastReported} were captured before the kill");
        var info = WavReader.Probe(take.FilePath);
        Assert.Equal(SampleFormat.Pcm24, info.Format);

        // The recovered audio is the sine the device produced, in place: frame k of the take is device frame k of the input.
        // A real-time clock on a busy machine may drop periods: those frames are silence (the take stays aligned).
        var audio = SessionKit.ReadWav(take.FilePath)[0];
        var (matches, silent) = (0, 0);
        for (var k = 0; k < audio.Length; k += 97)
        {
            if (Math.Abs(audio[k] - 0.5 * Math.Sin(2 * Math.PI * 997.0 * k / 48_000)) < 1e-4) matches++;
            else if (audio[k] == 0) silent++;
            else Assert.Fail($"frame {k} is {audio[k]}: neither the sine at that frame nor xrun silence");
        }
        Assert.True(matches > audio.Length / 97 * 0.9, $"only {matches} of {audio.Length / 97} sampled frames match the sine ({silent} silent)");
    }

    [Fact]
    public void Saved_takes_missing_files_and_torn_lines_are_left_out()
    {
        var log = new CaptureLog(_kit.CaptureFolder);
        string Wav(string name, int frames)
        {
            var path = Path.Combine(_kit.CaptureFolder, name);
            using var w = WavWriter.Create(path, 1, 48_000, SampleFormat.Pcm24);
            w.Write(new float[frames]);
            return name;
        }
        var (saved, unsaved, missing, empty) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var track = Guid.NewGuid();
        log.Append(new CaptureLogEntry(CaptureLogEntry.Start, saved, Guid.NewGuid(), track, Wav("a.wav", 100), 48_000, 1, 10));
        log.Append(new CaptureLogEntry(CaptureLogEntry.Start, unsaved, Guid.NewGuid(), track, Wav("b.wav", 200), 48_000, 1, 12_345, 150, 151, 7));
        log.Append(new CaptureLogEntry(CaptureLogEntry.Start, missing, Guid.NewGuid(), track, "gone.wav", 48_000, 1, 0));
        log.Append(new CaptureLogEntry(CaptureLogEntry.Start, empty, Guid.NewGuid(), track, Wav("c.wav", 0), 48_000, 1, 0));
        log.Append(new CaptureLogEntry(CaptureLogEntry.End, unsaved, LengthFrames: 200, LostFrames: 3));
        log.MarkSaved(saved);
        File.AppendAllText(log.Path, "{\"event\":\"start\",\"take_id\":\"0f0f"); // a line torn by a crash

        var found = Assert.Single(CaptureRecovery.Scan(log));
        Assert.True(found.Closed);
        Assert.Equal(unsaved, found.Take.TakeId);
        Assert.Equal(12_345, found.Take.StartFrame);
        Assert.Equal(200, found.Take.LengthFrames);
        Assert.Equal(new LatencyTerms(150, 151, 7), found.Take.Latency);
        Assert.Equal(3, found.Take.LostFrames);

        log.MarkSaved(unsaved);
        Assert.Empty(CaptureRecovery.Scan(log));
    }
}
