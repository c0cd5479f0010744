// Renders every template file case (<case>.njk) of a directory with nunjucks itself, configured the
// way Backstage's scaffolder configures it for fetch:template (SecureTemplater): variables `${{ }}`,
// no autoescaping, Backstage's filters (parseRepoUrl, projectSlug, parseEntityRef, pick), values
// passed through JSON. The context is <case>.json when present, else context.json; nunjucks options
// (trimBlocks, lstripBlocks) come from <case>.options.json.
//
// Usage: node generate-nunjucks-expectations.mjs <node_modules dir> <cases dir> [--write]
//   without --write: prints {"<case>": {"output": "..."} | {"error": "..."}} as JSON
//   with --write:    writes <case>.expected (the output, byte for byte) or <case>.error (the message)
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';

const [modulesDir, casesDir, mode] = process.argv.slice(2).map((arg, i) => (i < 2 ? path.resolve(arg) : arg));
const require = createRequire(path.join(modulesDir, 'noop.js'));
const nunjucks = require('nunjucks');
const { parseEntityRef } = require('@backstage/catalog-model');
const { get } = require('lodash');

// Backstage's integrations for the public hosts (its defaults when none are configured).
const integrationTypes = {
  'github.com': 'github',
  'gitlab.com': 'gitlab',
  'bitbucket.org': 'bitbucket',
  'dev.azure.com': 'azure',
};

// parseRepoUrl as Backstage's scaffolder-node implements it.
function parseRepoUrl(repoUrl) {
  let url;
  try {
    url = new URL(`https://${repoUrl}`);
  } catch (error) {
    throw new Error(`Invalid repo URL passed to publisher, got ${repoUrl}, ${error}`);
  }
  const host = url.host;
  const type = integrationTypes[host];
  if (!type) {
    throw new Error(`No matching integration configuration for host ${host}, please check your integrations config`);
  }
  const param = name => url.searchParams.get(name)?.replace(/^\/+|\/+$/g, '') || undefined;
  const owner = param('owner');
  const organization = param('organization');
  const workspace = param('workspace');
  const project = param('project');
  const repo = param('repo');
  const require = (...names) => {
    for (const name of names) {
      if (!url.searchParams.get(name)) {
        throw new Error(`Invalid repo URL passed to publisher: ${url.toString()}, missing ${name}`);
      }
    }
  };
  if (type === 'bitbucket') {
    if (host === 'www.bitbucket.org') require('workspace');
    require('project', 'repo');
  } else if (type === 'azure') {
    require('project', 'repo');
  } else if (type === 'gitlab') {
    if (!project) require('owner', 'repo');
  } else if (type === 'gitea' || type === 'gerrit') {
    require('repo');
  } else {
    require('repo', 'owner');
  }
  return { host, owner, repo, organization, workspace, project };
}

// Backstage calls its filters across an isolate boundary: arguments and results go through JSON.
const throughJson = value => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
const backstageFilters = {
  parseRepoUrl: url => parseRepoUrl(url),
  projectSlug: url => {
    const { owner, repo } = parseRepoUrl(url);
    return `${owner}/${repo}`;
  },
  parseEntityRef: (ref, context) => parseEntityRef(ref, context),
  pick: (value, key) => get(value, key),
};

// fetch:template's trimBlocks / lstripBlocks inputs become nunjucks options (<case>.options.json).
function environment(options) {
  const env = new nunjucks.Environment(null, {
    autoescape: false,
    ...options,
    tags: { variableStart: '${{', variableEnd: '}}' },
  });
  for (const [name, filter] of Object.entries(backstageFilters)) {
    env.addFilter(name, (...args) => throughJson(filter(...throughJson(args))));
  }
  return env;
}

function render(template, context, options) {
  try {
    return { output: environment(options).renderString(template, context) };
  } catch (error) {
    return { error: String(error.message) };
  }
}

const sharedContext = JSON.parse(fs.readFileSync(path.join(casesDir, 'context.json'), 'utf8'));
const results = {};
for (const file of fs.readdirSync(casesDir).filter(name => name.endsWith('.njk')).sort()) {
  const name = file.slice(0, -'.njk'.length);
  const contextFile = path.join(casesDir, `${name}.json`);
  const context = fs.existsSync(contextFile) ? JSON.parse(fs.readFileSync(contextFile, 'utf8')) : sharedContext;
  const optionsFile = path.join(casesDir, `${name}.options.json`);
  const options = fs.existsSync(optionsFile) ? JSON.parse(fs.readFileSync(optionsFile, 'utf8')) : {};
  results[name] = render(fs.readFileSync(path.join(casesDir, file), 'utf8'), context, options);
}

if (mode === '--write') {
  for (const [name, result] of Object.entries(results)) {
    const expected = path.join(casesDir, `${name}.expected`);
    const error = path.join(casesDir, `${name}.error`);
    if ('output' in result) {
      fs.writeFileSync(expected, result.output);
      fs.rmSync(error, { force: true });
    } else {
      fs.writeFileSync(error, result.error);
      fs.rmSync(expected, { force: true });
    }
  }
  process.stderr.write(`${Object.keys(results).length} expectations written to ${casesDir}\n`);
} else {
  process.stdout.write(JSON.stringify(results));
}
