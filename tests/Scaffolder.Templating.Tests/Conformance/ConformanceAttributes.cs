using Scaffolder.Testing;
using Xunit;

namespace Scaffolder.Templating.Tests.Conformance;

/// <summary>
/// A theory over the Scriban conformance cases: skipped (with the reason) when the cases are not on
/// this machine, but never under CI, where their absence must fail.
/// </summary>
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute()
    {
        if (!ScribanConformanceSuite.Exists && !ContinuousIntegration.IsActive)
        {
            Skip = ScribanConformanceSuite.MissingMessage;
        }
    }
}

/// <inheritdoc cref="ConformanceTheoryAttribute"/>
public sealed class ConformanceFactAttribute : FactAttribute
{
    public ConformanceFactAttribute()
    {
        if (!ScribanConformanceSuite.Exists && !ContinuousIntegration.IsActive)
        {
            Skip = ScribanConformanceSuite.MissingMessage;
        }
    }
}
