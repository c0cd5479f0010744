// Produces the expected result of each template in a compatibility corpus by running it the way
// Backstage's scaffolder runs a dry run: template.yaml strings rendered with the published `nunjucks`
// as NunjucksWorkflowRunner renders them (`${{` variable start, autoescape off, Backstage's filters,
// a lone `${{ }}` keeps its JSON type, '' drops the key), steps with `if`/`each`, and `fetch:template`
// as its handler writes a skeleton (every path rendered, skipped paths, globby copy lists, binary
// sniffing, templateFileExtension).
//
// Layout: <corpus>/<case>/template/template.yaml (+ skeleton folders), <case>/case.json
// ({ "values": {...}, "compareOutput": true|false }); writes <case>/expected.json.
//
// Usage: node backstage-corpus.mjs <corpus dir>            writes every expected.json
//        node backstage-corpus.mjs <corpus dir> --stdout   prints { <case>: expected } instead
import { createRequire } from 'module';
import fs from 'fs';
import os from 'os';
import path from 'path';

const require = createRequire(import.meta.url);
const nunjucks = require('nunjucks');
const YAML = require('yaml');
const globby = require('globby');
const { isBinaryFileSync } = require('isbinaryfile');
const { parseEntityRef } = require('@backstage/catalog-model');
const { get } = require('lodash');

const tags = { variableStart: '${{', variableEnd: '}}' };

// The integrations a default Backstage knows without configuration.
const integrationTypes = { 'github.com': 'github', 'gitlab.com': 'gitlab', 'bitbucket.org': 'bitbucket', 'dev.azure.com': 'azure' };

function requireParams(url, ...names) {
  for (const name of names) {
    if (!url.searchParams.get(name)) {
      throw new Error(`Invalid repo URL passed to publisher: ${url.toString()}, missing ${name}`);
    }
  }
}

// Backstage's parseRepoUrl: the RepoUrlPicker value read as https://<value>.
function parseRepoUrl(repoUrl) {
  let url;
  try {
    url = new URL(`https://${repoUrl}`);
  } catch (error) {
    throw new Error(`Invalid repo URL passed to publisher, got ${repoUrl}, ${error}`);
  }
  const type = integrationTypes[url.host];
  if (!type) {
    throw new Error(`No matching integration configuration for host ${url.host}, please check your integrations config`);
  }
  const param = name => url.searchParams.get(name) ?? undefined;
  if (type === 'bitbucket') {
    if (url.host === 'www.bitbucket.org') requireParams(url, 'workspace');
    requireParams(url, 'project', 'repo');
  } else if (type === 'azure') {
    requireParams(url, 'project', 'repo');
  } else if (type === 'gitlab') {
    if (!param('project')) requireParams(url, 'owner', 'repo');
  } else {
    requireParams(url, 'repo', 'owner');
  }
  return {
    host: url.host,
    owner: param('owner'),
    repo: param('repo'),
    organization: param('organization'),
    workspace: param('workspace'),
    project: param('project'),
  };
}

function createEnvironment(nunjucksConfigs = {}) {
  const env = new nunjucks.Environment(null, { autoescape: false, ...nunjucksConfigs, tags });
  env.addFilter('parseRepoUrl', url => parseRepoUrl(url));
  env.addFilter('parseEntityRef', (ref, context) => parseEntityRef(ref, context));
  env.addFilter('pick', (value, key) => get(value, key));
  env.addFilter('projectSlug', url => {
    const { owner, repo } = parseRepoUrl(url);
    return `${owner}/${repo}`;
  });
  // Values cross into Backstage's sandbox as JSON, so the templates see plain JSON data.
  return (template, context) => env.renderString(template, JSON.parse(JSON.stringify(context)));
}

const renderTemplate = createEnvironment();
const renderWorkflowTemplate = renderTemplate;

function isSingleTemplateString(input) {
  const parsed = nunjucks.parser.parse(input, {}, { autoescape: false, tags });
  return parsed.children.length === 1 && !(parsed.children[0]?.children?.[0] instanceof nunjucks.nodes.TemplateData);
}

// Backstage keeps a string it cannot render; the corpus must not depend on that, so it is an error here.
function render(input, context, where) {
  return JSON.parse(JSON.stringify(input ?? null), (_key, value) => {
    if (typeof value !== 'string') {
      return value;
    }
    try {
      if (isSingleTemplateString(value)) {
        const templated = renderTemplate(value.replace(/\${{(.+)}}/g, '${{ ( $1 ) | dump }}'), context);
        return templated === '' ? undefined : JSON.parse(templated);
      }
    } catch {
      // Backstage falls back to rendering the string as text.
    }
    let templated;
    try {
      templated = renderTemplate(value, context);
    } catch (error) {
      throw new Error(`${where}: cannot render ${JSON.stringify(value)}: ${error.message}`);
    }
    return templated === '' ? undefined : templated;
  });
}

const isTruthy = value => (Array.isArray(value) ? value.length > 0 : !!value);

function safeChild(base, relative) {
  const resolved = path.resolve(base, relative);
  if (resolved !== base && !resolved.startsWith(base + path.sep)) {
    throw new Error(`Relative path is not allowed to refer to a directory outside its parent: ${relative}`);
  }
  return resolved;
}

// fetch:template, writing a local skeleton (resolved against the template's folder) into the workspace.
function fetchTemplate(input, templateDir, workspace) {
  const skeleton = safeChild(templateDir, input.url ?? '.');
  const outputDir = safeChild(workspace, input.targetPath ?? './');
  if (input.copyWithoutRender && input.copyWithoutTemplating) {
    throw new Error('copyWithoutRender and copyWithoutTemplating can not be used at the same time');
  }
  const renderNames = !input.copyWithoutRender;
  const copyOnly = input.copyWithoutRender ?? input.copyWithoutTemplating;
  let extension = false;
  if (input.templateFileExtension) {
    if (copyOnly || input.cookiecutterCompat) {
      throw new Error('templateFileExtension cannot be combined with copyWithout* or cookiecutterCompat');
    }
    extension = input.templateFileExtension === true ? '.njk' : input.templateFileExtension;
    if (!extension.startsWith('.')) extension = `.${extension}`;
  }
  const options = { cwd: skeleton, dot: true, onlyFiles: false, markDirectories: true, followSymbolicLinks: false };
  const entries = globby.sync('**/*', options);
  const copyOnlyEntries = new Set(globby.sync(copyOnly ?? [], options));
  const context = { values: input.values };
  const renderTemplate = input.trimBlocks || input.lstripBlocks
    ? createEnvironment({ trimBlocks: input.trimBlocks, lstripBlocks: input.lstripBlocks })
    : renderWorkflowTemplate;

  for (const location of entries) {
    let renderContents;
    let outputPath = location;
    if (extension) {
      renderContents = path.extname(outputPath) === extension;
      if (renderContents) outputPath = outputPath.slice(0, -extension.length);
      outputPath = renderTemplate(outputPath, context);
    } else {
      renderContents = !copyOnlyEntries.has(location);
      if (renderNames || renderContents) outputPath = renderTemplate(outputPath, context);
    }
    if (outputPath === '' || outputPath.startsWith('/') || outputPath.includes('//')) {
      continue;
    }
    const target = safeChild(outputDir, outputPath);
    if (fs.existsSync(target) && !input.replace) {
      continue;
    }
    if (location.endsWith('/')) {
      fs.mkdirSync(target, { recursive: true });
      continue;
    }
    const source = path.join(skeleton, location);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (fs.lstatSync(source).isSymbolicLink() || isBinaryFileSync(source)) {
      fs.cpSync(source, target, { verbatimSymlinks: true });
    } else {
      const text = fs.readFileSync(source, 'utf-8');
      fs.writeFileSync(target, renderContents ? renderTemplate(text, context) : text);
    }
  }
}

function fetchPlain(input, templateDir, workspace) {
  const source = safeChild(templateDir, input.url);
  const target = safeChild(workspace, input.targetPath ?? './');
  fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true });
}

// Actions that leave no files in a dry run (publishing, registering, logging) do nothing here.
const actions = {
  'fetch:template': fetchTemplate,
  'fetch:plain': fetchPlain,
};

function runCase(caseDir) {
  const templateDir = path.join(caseDir, 'template');
  const entity = YAML.parse(fs.readFileSync(path.join(templateDir, 'template.yaml'), 'utf8'));
  const { values = {}, compareOutput = true } = JSON.parse(fs.readFileSync(path.join(caseDir, 'case.json'), 'utf8'));
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'backstage-corpus-'));
  try {
    const context = {
      parameters: values,
      environment: { parameters: {}, secrets: {} },
      steps: {},
      user: {},
    };
    (entity.spec.steps ?? []).forEach((authored, index) => {
      const step = { ...authored, id: authored.id ?? `step-${index + 1}` };
      const where = `step ${step.id}`;
      if (step.if === false || (typeof step.if === 'string' && step.each === undefined && !isTruthy(render(step.if, context, where)))) {
        return;
      }
      const preIteration = { ...context, secrets: {} };
      const resolvedEach = step.each && render(step.each, preIteration, where);
      if (step.each && !resolvedEach) {
        throw new Error(`${where}: each cannot be resolved to a value`);
      }
      const iterations = resolvedEach ? Object.entries(resolvedEach).map(([key, value]) => ({ each: { key, value } })) : [{}];
      for (const iteration of iterations) {
        const full = { ...preIteration, ...iteration };
        if ('each' in iteration && step.if && !isTruthy(render(step.if, full, where))) {
          continue;
        }
        const input = step.input ? render(step.input, full, where) : {};
        actions[step.action]?.(input, templateDir, workspace);
      }
      context.steps[step.id] = { output: {} };
    });
    const expected = { files: listFiles(workspace) };
    if (compareOutput) {
      expected.output = render(entity.spec.output ?? {}, context, 'output') ?? {};
    }
    return expected;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

// Every regular file, sorted by path; text as text, anything that is not valid UTF-8 as base64.
function listFiles(root) {
  const files = [];
  const walk = relative => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.push(child);
    }
  };
  walk('');
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map(file => {
    const bytes = fs.readFileSync(path.join(root, file));
    const text = bytes.toString('utf8');
    return Buffer.from(text, 'utf8').equals(bytes) ? { path: file, text } : { path: file, base64: bytes.toString('base64') };
  });
}

const corpus = path.resolve(process.argv[2] ?? '.');
const toStdout = process.argv.includes('--stdout');
const results = {};
for (const name of fs.readdirSync(corpus).sort()) {
  const caseDir = path.join(corpus, name);
  if (!fs.existsSync(path.join(caseDir, 'case.json'))) continue;
  const expected = runCase(caseDir);
  if (toStdout) {
    results[name] = expected;
  } else {
    fs.writeFileSync(path.join(caseDir, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
    process.stderr.write(`${name}: ${expected.files.length} files\n`);
  }
}
if (toStdout) {
  process.stdout.write(JSON.stringify(results));
}
