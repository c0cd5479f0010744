using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Scaffolder.Scaffolding.Tasks;

/// <summary>
/// Encrypts a task's secrets for storage with AES-256-GCM, bound to the task id (an envelope moved to
/// another task does not open). Tasks are claimed by any replica, so secrets must be in the shared
/// database, never in plain text; the key comes from configuration and never enters the database.
/// </summary>
public sealed class TaskSecretsProtector
{
    private const string Version = "v1";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _key;

    public TaskSecretsProtector(ScaffolderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.SecretsKey))
        {
            _key = RandomNumberGenerator.GetBytes(32);
            IsEphemeral = true;
            return;
        }

        try
        {
            _key = Convert.FromBase64String(options.SecretsKey.Trim());
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException("Scaffolder:SecretsKey must be the base64 encoding of 32 random bytes.", e);
        }

        if (_key.Length != 32)
        {
            throw new InvalidOperationException($"Scaffolder:SecretsKey must encode 32 bytes; it encodes {_key.Length}.");
        }
    }

    /// <summary>No key was configured: secrets stored by this process can only be read by it.</summary>
    public bool IsEphemeral { get; }

    /// <summary>The envelope to store, or null when there are no secrets.</summary>
    public string? Protect(string taskId, IReadOnlyDictionary<string, string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            return null;
        }

        var plain = JsonSerializer.SerializeToUtf8Bytes(secrets);
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagSize];
        using (var aes = new AesGcm(_key, TagSize))
        {
            aes.Encrypt(nonce, plain, cipher, tag, Encoding.UTF8.GetBytes(taskId));
        }

        CryptographicOperations.ZeroMemory(plain);
        return $"{Version}:{Convert.ToBase64String([.. nonce, .. cipher, .. tag])}";
    }

    /// <summary>Opens an envelope; false when it was sealed with another key or for another task.</summary>
    public bool TryUnprotect(string taskId, string? envelope, out IReadOnlyDictionary<string, string> secrets)
    {
        secrets = new Dictionary<string, string>();
        if (envelope is null)
        {
            return true;
        }

        var prefix = Version + ":";
        if (!envelope.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var bytes = Convert.FromBase64String(envelope[prefix.Length..]);
            if (bytes.Length < NonceSize + TagSize)
            {
                return false;
            }

            var nonce = bytes.AsSpan(0, NonceSize);
            var cipher = bytes.AsSpan(NonceSize, bytes.Length - NonceSize - TagSize);
            var tag = bytes.AsSpan(bytes.Length - TagSize);
            var plain = new byte[cipher.Length];
            using (var aes = new AesGcm(_key, TagSize))
            {
                aes.Decrypt(nonce, cipher, tag, plain, Encoding.UTF8.GetBytes(taskId));
            }

            secrets = JsonSerializer.Deserialize<Dictionary<string, string>>(plain) ?? new Dictionary<string, string>();
            CryptographicOperations.ZeroMemory(plain);
            return true;
        }
        catch (Exception e) when (e is FormatException or CryptographicException or JsonException)
        {
            return false;
        }
    }
}
