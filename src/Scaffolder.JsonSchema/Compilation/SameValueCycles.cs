namespace Scaffolder.JsonSchema.Compilation;

/// <summary>
/// Finds a chain of <c>$ref</c>/<c>allOf</c>/<c>anyOf</c>/<c>oneOf</c>/<c>not</c>/<c>if</c>/<c>dependencies</c>
/// that returns to where it started without moving into a property or item: validating any value
/// against it would never end. Iterative, so a long chain cannot overflow the stack.
/// </summary>
internal static class SameValueCycles
{
    /// <summary>The schemas of one such cycle, first repeated at the end; null when there is none.</summary>
    public static IReadOnlyList<SchemaNode>? Find(IEnumerable<SchemaNode> nodes)
    {
        const int unvisited = 0, inProgress = 1, done = 2;
        var state = new Dictionary<SchemaNode, int>(ReferenceEqualityComparer.Instance);
        foreach (var start in nodes)
        {
            if (state.GetValueOrDefault(start) != unvisited)
            {
                continue;
            }

            var path = new List<SchemaNode> { start };
            var pending = new Stack<IEnumerator<SchemaNode>>();
            state[start] = inProgress;
            pending.Push(Edges(start).GetEnumerator());
            while (pending.Count > 0)
            {
                var edges = pending.Peek();
                if (!edges.MoveNext())
                {
                    pending.Pop();
                    state[path[^1]] = done;
                    path.RemoveAt(path.Count - 1);
                    continue;
                }

                var next = edges.Current;
                switch (state.GetValueOrDefault(next))
                {
                    case inProgress:
                        return [.. path.SkipWhile(n => !ReferenceEquals(n, next)), next];
                    case unvisited:
                        state[next] = inProgress;
                        path.Add(next);
                        pending.Push(Edges(next).GetEnumerator());
                        break;
                }
            }
        }

        return null;
    }

    private static IEnumerable<SchemaNode> Edges(SchemaNode node) =>
        node.Reference is not null ? [node.Reference] : node.Keywords.SelectMany(k => k.SameValueSubschemas);
}
