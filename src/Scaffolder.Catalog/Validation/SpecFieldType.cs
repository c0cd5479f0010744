namespace Scaffolder.Catalog.Validation;

public enum SpecFieldType
{
    /// <summary>A string of at least one character.</summary>
    NonEmptyString,

    /// <summary>An array of non-empty strings.</summary>
    StringList,

    /// <summary>Any JSON object.</summary>
    AnyObject,

    /// <summary>Any JSON array.</summary>
    AnyArray,

    /// <summary>An object or an array (Template <c>spec.parameters</c>).</summary>
    ObjectOrArray,

    /// <summary>A profile object: optional non-empty <c>displayName</c>, <c>email</c>, <c>picture</c>.</summary>
    Profile,
}
