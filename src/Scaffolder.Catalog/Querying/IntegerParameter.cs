using System.Globalization;
using System.Text.RegularExpressions;
using Scaffolder.Common.Errors;

namespace Scaffolder.Catalog.Querying;

/// <summary>Integer query parameters, accepted only in canonical decimal form (<c>01</c> and <c>1.0</c> are rejected).</summary>
public static partial class IntegerParameter
{
    public static int? Parse(string? value, string name, int minimum)
    {
        if (value is null)
        {
            return null;
        }

        if (!Canonical().IsMatch(value) || !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            throw new InputError($"Invalid {name}, not an integer on the form 123");
        }

        if (number < minimum)
        {
            throw new InputError($"Invalid {name}, must be at least {minimum}");
        }

        return number;
    }

    [GeneratedRegex("^-?(0|[1-9][0-9]*)$")]
    private static partial Regex Canonical();
}
