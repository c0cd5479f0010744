namespace Scaffolder.Publishing.Local;

/// <summary>The file, or the branch it was looked up on, does not exist in the published repository.</summary>
public sealed class PublishedFileNotFoundException(string message) : PublishingException(message);
