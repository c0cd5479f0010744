namespace Scaffolder.Testing;

public static class ContinuousIntegration
{
    /// <summary>
    /// True under CI (<c>CI=true</c>). There, a missing prerequisite is a failure rather than a skip,
    /// so a green run always means the whole suite ran.
    /// </summary>
    public static bool IsActive =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
