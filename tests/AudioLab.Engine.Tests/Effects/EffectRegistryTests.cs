using AudioLab.Engine.Effects;
using AudioLab.Engine.Model;

namespace AudioLab.Engine.Tests.Effects;

public class EffectRegistryTests
{
    private static readonly EffectRegistry Registry = EffectRegistry.Default;

    [Fact]
    public void Knows_the_six_types_with_documented_parameters()
    {
        Assert.Equal(["compressor", "delay", "eq", "gain", "limiter", "reverb"], Registry.Descriptors.Select(d => d.Type));
        foreach (var d in Registry.Descriptors)
        {
            Assert.NotEmpty(d.Parameters);
            foreach (var p in d.Parameters)
            {
                Assert.True(p.Min < p.Max, p.Name);
                Assert.True(p.Contains(p.Default), $"{d.Type}.{p.Name} default outside its range");
                Assert.False(string.IsNullOrWhiteSpace(p.Description));
            }
        }
    }

    [Fact]
    public void Every_type_is_created_with_defaults()
    {
        foreach (var d in Registry.Descriptors)
        {
            var e = Registry.Create(new EffectModel(d.Type, new Dictionary<string, double>()), new EffectContext(48000, 120));
            Assert.Equal(d.Type, e.Type);
        }
    }

    [Fact]
    public void Validation_reports_every_problem_with_its_path()
    {
        var chain = new List<EffectModel>
        {
            TestAudio.Effect("eq", ("peak1_gain_db", 30), ("peak1_q", 0.01)),
            TestAudio.Effect("distortion"),
            TestAudio.Effect("delay", ("time_ms", double.NaN), ("wobble", 1)),
            TestAudio.Effect("compressor", ("ratio", 20), ("threshold_db", -60)),
        };
        var errors = Registry.ValidateChain(chain);
        Assert.Equal(
            ["effects[0].parameters.peak1_gain_db", "effects[0].parameters.peak1_q", "effects[1].type", "effects[2].parameters.time_ms", "effects[2].parameters.wobble"],
            errors.Select(e => e.Path));
        Assert.Contains("30 is outside -24..24 dB", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("Known types: compressor, delay, eq, gain, limiter, reverb", errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("has no parameter 'wobble'", errors[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_refuses_an_invalid_effect()
    {
        var e = Assert.Throws<EffectValidationException>(() => Registry.Create(TestAudio.Effect("limiter", ("ceiling_db", 3)), new EffectContext(48000, 120)));
        Assert.Equal("effect.parameters.ceiling_db", Assert.Single(e.Errors).Path);
    }
}
