namespace Scaffolder.Publishing;

/// <summary>
/// A publishing step failed. The message is meant for the task log as is: it names what failed
/// and why, and it never carries a secret (every message is redacted before it is thrown).
/// </summary>
public class PublishingException : Exception
{
    public PublishingException(string message)
        : base(message)
    {
    }

    public PublishingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The request can never succeed as given (a malformed repo URL, a path that escapes its root,
/// a missing token): Backstage's <c>InputError</c>.
/// </summary>
public sealed class PublishingInputException : PublishingException
{
    public PublishingInputException(string message)
        : base(message)
    {
    }
}
