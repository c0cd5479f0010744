namespace Scaffolder.Api.Tests.Scaffolder.Support;

/// <summary>Template entities the scaffolder tests run, written with the test actions.</summary>
public static class Templates
{
    /// <summary>Parameters in two form steps; steps with outputs, each, if; output links and text.</summary>
    public const string Basic = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: basic
          title: Basic template
          description: Greets, writes a file and loops
        spec:
          owner: team-a
          type: service
          parameters:
            - title: Name
              required: [name]
              properties:
                name:
                  type: string
                  pattern: '^[a-z-]+$'
                count:
                  type: integer
                  default: 1
            - title: Extras
              properties:
                flavours:
                  type: array
                  items:
                    type: string
                  default: [vanilla, mint]
          steps:
            - id: greet
              name: Greet
              action: test:echo
              input:
                message: Hello ${{ parameters.name }}
            - id: write
              action: test:write
              input:
                path: ${{ parameters.name }}/README.md
                content: ${{ steps.greet.output.message }}
            - id: loop
              name: Loop
              action: test:echo
              each: ${{ parameters.flavours }}
              input:
                message: flavour ${{ each.value }}
            - id: never
              if: ${{ parameters.count > 5 }}
              action: test:echo
              input:
                message: never
          output:
            links:
              - title: Repository
                url: https://example.com/${{ parameters.name }}
              - title: Hidden
                url: https://example.com/hidden
                if: ${{ parameters.count > 5 }}
            text:
              - title: Summary
                content: ${{ steps.greet.output.message }} with ${{ steps.loop.output.message | length }} flavours
            count: ${{ parameters.count }}
        """;

    /// <summary>One step that waits (cancel tests).</summary>
    public const string Slow = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: slow
        spec:
          type: service
          steps:
            - id: before
              action: test:echo
              input:
                message: before
            - id: wait
              name: Wait a while
              action: test:wait
              input:
                milliseconds: 60000
            - id: after
              action: test:echo
              input:
                message: after
        """;

    /// <summary>A template that starts over when its worker dies.</summary>
    public const string Recoverable = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: recoverable
        spec:
          type: service
          EXPERIMENTAL_recovery:
            EXPERIMENTAL_strategy: startOver
          steps:
            - id: greet
              action: test:echo
              input:
                message: again
        """;

    /// <summary>Uses a secret in a step input; its schema requires the secret.</summary>
    public const string Secretive = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: secretive
        spec:
          type: service
          parameters:
            - properties:
                fail:
                  type: boolean
                  default: false
          secrets:
            schema:
              required: [token]
              properties:
                token:
                  type: string
          steps:
            - id: use
              name: Use the secret
              action: test:use-secret
              input:
                token: ${{ secrets.token }}
                fail: ${{ parameters.fail }}
            - id: leak
              action: test:echo
              input:
                message: output was ${{ steps.use.output.seen }}
          output:
            text:
              - title: Seen
                content: ${{ steps.use.output.seen }}
        """;

    /// <summary>A failing step followed by a normal one, an always() one and a failure() one.</summary>
    public const string Failing = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: failing
        spec:
          type: service
          steps:
            - id: ok
              action: test:echo
              input:
                message: fine
            - id: boom
              name: Boom
              action: test:fail
              input:
                message: the remote is unreachable
            - id: normal
              action: test:echo
              input:
                message: should not run
            - id: cleanup
              if: ${{ always() }}
              action: test:echo
              input:
                message: cleaning up
            - id: report
              if: ${{ failure() }}
              action: test:echo
              input:
                message: reporting
        """;

    /// <summary>Steps that break at run time: bad action input, an expression error.</summary>
    public const string BadInput = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: bad-input
        spec:
          type: service
          parameters:
            - properties:
                mode:
                  type: string
                  default: input
          steps:
            - id: bad-input
              if: ${{ parameters.mode == 'input' }}
              action: test:echo
              input:
                message: 42
            - id: bad-expression
              if: ${{ parameters.mode == 'expression' }}
              action: test:echo
              input:
                message: ${{ parameters.mode | no_such_filter }}
            - id: bad-each
              if: ${{ parameters.mode == 'each' }}
              action: test:echo
              each: ${{ parameters.missing }}
              input:
                message: x
        """;

    /// <summary>Names an action nobody installed.</summary>
    public const string UnknownAction = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: unknown-action
        spec:
          type: service
          steps:
            - id: mystery
              action: acme:does-not-exist
        """;

    /// <summary>Reads a file next to the template and publishes (dry-run tests).</summary>
    public const string Publishing = """
        apiVersion: scaffolder.backstage.io/v1beta3
        kind: Template
        metadata:
          name: publishing
        spec:
          type: service
          parameters:
            - required: [name]
              properties:
                name:
                  type: string
          steps:
            - id: fetch
              action: test:copy-from-template
              input:
                file: skeleton/app.txt
            - id: script
              action: test:write
              input:
                path: run.sh
                content: echo ${{ parameters.name }}
                executable: true
            - id: publish
              name: Publish
              action: test:publish
              input:
                name: ${{ parameters.name }}
          output:
            links:
              - title: Repository
                url: ${{ steps.publish.output.remoteUrl }}
        """;

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["basic"] = Basic,
        ["slow"] = Slow,
        ["recoverable"] = Recoverable,
        ["secretive"] = Secretive,
        ["failing"] = Failing,
        ["bad-input"] = BadInput,
        ["unknown-action"] = UnknownAction,
        ["publishing"] = Publishing,
    };

    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
    {
        ["publishing/skeleton/app.txt"] = "app from the template folder\n",
    };
}
