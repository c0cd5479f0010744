using System.Collections;

namespace Scaffolder.Templating.Runtime;

/// <summary>Lets <c>with</c> use a host object (dictionary, JSON object) as the current global object.</summary>
internal sealed class HostObjectScope : IScriptObject
{
    private readonly object _target;

    public HostObjectScope(object target) => _target = target;

    public int Count => ObjectAccess.GetMemberCount(_target);

    public IEnumerable<string> Keys => ObjectAccess.TryGetKeys(_target, out var keys) ? keys : [];

    public bool Contains(string name) => ObjectAccess.HasMember(_target, name);

    public bool TryGetValue(string name, out object? value) => ObjectAccess.TryGetHostMember(_target, name, out value);

    public bool CanWrite(string name) => _target switch
    {
        IDictionary<string, object?> dictionary => !dictionary.IsReadOnly,
        IDictionary<object, object?> yaml => !yaml.IsReadOnly,
        IDictionary dictionary => !dictionary.IsReadOnly,
        _ => false,
    };

    public bool TrySetValue(string name, object? value, bool readOnly)
    {
        switch (_target)
        {
            case IDictionary<string, object?> { IsReadOnly: false } dictionary:
                dictionary[name] = value;
                return true;
            case IDictionary<object, object?> { IsReadOnly: false } yaml:
                yaml[name] = value;
                return true;
            case IDictionary { IsReadOnly: false } dictionary:
                dictionary[name] = value;
                return true;
            default:
                return false;
        }
    }

    public bool Remove(string name) => _target is IDictionary<string, object?> { IsReadOnly: false } dictionary && dictionary.Remove(name);

    public void SetReadOnly(string name, bool readOnly)
    {
    }
}
