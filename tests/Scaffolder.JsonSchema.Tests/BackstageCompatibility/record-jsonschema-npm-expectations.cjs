// Records what the `jsonschema` npm library (the validator Backstage's scaffolder backend uses for
// template parameters) answers for each case in jsonschema-npm-cases.json, into the "errors" field
// the C# tests compare against. The library is deliberately not a dependency of tests/node; to
// re-record, install it somewhere temporary and point JSONSCHEMA_MODULE at it:
//
//   mkdir /tmp/jsl && (cd /tmp/jsl && npm init -y && npm install jsonschema@1.5.0)
//   JSONSCHEMA_MODULE=/tmp/jsl/node_modules/jsonschema node record-jsonschema-npm-expectations.cjs
'use strict';
const fs = require('fs');
const path = require('path');

const modulePath = process.env.JSONSCHEMA_MODULE || 'jsonschema';
const { validate } = require(modulePath);
const version = require(path.join(path.dirname(require.resolve(modulePath)), '..', 'package.json')).version;

const file = path.join(__dirname, 'jsonschema-npm-cases.json');
const document = JSON.parse(fs.readFileSync(file, 'utf8'));
document.recordedWith = `jsonschema@${version} on node ${process.version}`;
for (const testCase of document.cases) {
  // Backstage serialises result.errors with res.json, i.e. JSON.stringify.
  testCase.errors = JSON.parse(JSON.stringify(validate(testCase.instance, testCase.schema).errors));
}
fs.writeFileSync(file, JSON.stringify(document, null, 2) + '\n');
console.log(`recorded ${document.cases.length} cases with ${document.recordedWith}`);
