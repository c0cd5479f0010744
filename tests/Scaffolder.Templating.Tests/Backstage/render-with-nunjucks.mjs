// Renders template.yaml-style strings the way Backstage's scaffolder does (NunjucksWorkflowRunner.render):
// a string that is exactly one ${{ }} is rewritten to `${{ (expr) | dump }}` and JSON-parsed back;
// other strings render to text; '' means undefined; a failure is reported as an error.
// Usage: node render-with-nunjucks.mjs <node_modules dir> <cases.json>
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';

const require = createRequire(path.join(process.argv[2], 'noop.js'));
const nunjucks = require('nunjucks');
const { parseEntityRef } = require('@backstage/catalog-model');
const { get } = require('lodash');

const tags = { variableStart: '${{', variableEnd: '}}' };
const env = new nunjucks.Environment(null, { autoescape: false, tags });
env.addFilter('parseEntityRef', (ref, context) => parseEntityRef(ref, context));
env.addFilter('pick', (value, key) => get(value, key));

function isSingleTemplateString(input) {
  const parsed = nunjucks.parser.parse(input, {}, { autoescape: false, tags });
  return parsed.children.length === 1 && !(parsed.children[0]?.children?.[0] instanceof nunjucks.nodes.TemplateData);
}

function render(value, context) {
  try {
    try {
      if (isSingleTemplateString(value)) {
        const templated = env.renderString(value.replace(/\${{(.+)}}/g, '${{ ( $1 ) | dump }}'), context);
        return templated === '' ? { undefined: true } : { value: JSON.parse(templated) };
      }
    } catch {
      // Backstage falls back to plain rendering.
    }

    const templated = env.renderString(value, context);
    return templated === '' ? { undefined: true } : { value: templated };
  } catch (error) {
    return { error: String(error.message) };
  }
}

const { context, inputs } = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
process.stdout.write(JSON.stringify(inputs.map(input => render(input, context))));
