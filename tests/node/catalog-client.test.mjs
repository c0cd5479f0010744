// Exercises Scaffolder's catalog API through Backstage's published client and model packages.
// Run by tests/Scaffolder.Api.Tests (CatalogClientCompatibilityTests), which starts the service and
// passes SCAFFOLDER_BASE_URL and SCAFFOLDER_WORK_DIR (a folder the service may read files from).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogClient, CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  stringifyEntityRef,
  entityEnvelopeSchemaValidator,
  componentEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  apiEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
} from '@backstage/catalog-model';

const baseUrl = process.env.SCAFFOLDER_BASE_URL;
const workDir = process.env.SCAFFOLDER_WORK_DIR;
assert.ok(baseUrl && workDir, 'SCAFFOLDER_BASE_URL and SCAFFOLDER_WORK_DIR must be set');

const catalog = new CatalogClient({ discoveryApi: { getBaseUrl: async () => `${baseUrl}/api/catalog` } });

const component = (name, extra = {}) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  tags: [${(extra.tags ?? []).join(', ')}]
spec:
  type: ${extra.type ?? 'service'}
  lifecycle: ${extra.lifecycle ?? 'production'}
  owner: ${extra.owner ?? 'team-a'}
`;

function writeCatalogFile(name, documents) {
  mkdirSync(workDir, { recursive: true });
  const path = join(workDir, name);
  writeFileSync(path, documents.join('---\n'));
  return path;
}

const seedPath = writeCatalogFile('seed.yaml', [
  `apiVersion: backstage.io/v1alpha1
kind: Group
metadata:
  name: team-a
spec:
  type: team
  children: []
`,
  `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: orders-api
spec:
  type: openapi
  lifecycle: production
  owner: team-a
  definition: "openapi: 3.0.0"
`,
  ...Array.from({ length: 12 }, (_, i) =>
    component(`svc-${String(i).padStart(2, '0')}`, {
      type: i % 3 === 0 ? 'website' : 'service',
      lifecycle: i % 2 === 0 ? 'production' : 'experimental',
      tags: i % 4 === 0 ? ['java'] : ['go'],
    }),
  ),
]);

const seeded = await catalog.addLocation({ type: 'file', target: seedPath });

test('addLocation registers a location and returns it with an entityRef', async () => {
  assert.equal(seeded.location.type, 'file');
  assert.equal(seeded.location.target, seedPath);
  assert.match(seeded.location.id, /^[0-9a-f-]{36}$/);
  assert.match(seeded.location.entityRef, /^location:default\/generated-[0-9a-f]{40}$/);
  assert.deepEqual(seeded.entities, []);
});

test('addLocation with dryRun returns the processed entities and stores nothing', async () => {
  const path = writeCatalogFile('dry.yaml', [component('dry-run-only')]);
  const result = await catalog.addLocation({ type: 'file', target: path, dryRun: true });
  assert.equal(result.exists, false);
  const refs = result.entities.map(e => stringifyEntityRef(e)).sort();
  assert.equal(refs.length, 2);
  assert.ok(refs.includes('component:default/dry-run-only'));
  assert.ok(refs.some(r => r.startsWith('location:default/generated-')));
  assert.equal(await catalog.getEntityByRef('component:default/dry-run-only'), undefined);
});

test('addLocation of an invalid file is rejected with the Backstage error body', async () => {
  const path = writeCatalogFile('bad.yaml', [component('Bad Name')]);
  await assert.rejects(catalog.addLocation({ type: 'file', target: path }), err => {
    assert.equal(err.name, 'ResponseError');
    assert.equal(err.body.error.name, 'InputError');
    assert.match(err.body.error.message, /metadata\.name/);
    assert.equal(err.body.response.statusCode, 400);
    return true;
  });
});

test('getEntities filters, projects fields and orders', async () => {
  const { items } = await catalog.getEntities({
    filter: [{ kind: 'Component', 'spec.type': 'website' }, { kind: 'API' }],
    fields: ['kind', 'metadata.name'],
    order: [{ field: 'metadata.name', order: 'desc' }],
  });
  assert.deepEqual(items.map(e => e.metadata.name), ['svc-09', 'svc-06', 'svc-03', 'svc-00', 'orders-api']);
  assert.deepEqual(Object.keys(items[0]).sort(), ['kind', 'metadata']);
  assert.deepEqual(Object.keys(items[0].metadata), ['name']);

  const tagged = await catalog.getEntities({ filter: { 'metadata.tags': 'java', 'spec.owner': CATALOG_FILTER_EXISTS } });
  assert.deepEqual(tagged.items.map(e => e.metadata.name).sort(), ['svc-00', 'svc-04', 'svc-08']);
});

test('getEntities pages with limit and offset', async () => {
  const page = await catalog.getEntities({ filter: { kind: 'component' }, order: { field: 'metadata.name', order: 'asc' }, limit: 5, offset: 5 });
  assert.deepEqual(page.items.map(e => e.metadata.name), ['svc-05', 'svc-06', 'svc-07', 'svc-08', 'svc-09']);
});

test('entities returned are valid according to @backstage/catalog-model', async () => {
  const { items } = await catalog.getEntities();
  const validators = {
    Component: componentEntityV1alpha1Validator,
    Group: groupEntityV1alpha1Validator,
    API: apiEntityV1alpha1Validator,
    Location: locationEntityV1alpha1Validator,
  };
  for (const entity of items) {
    entityEnvelopeSchemaValidator()(entity);
    const validator = validators[entity.kind];
    if (validator) {
      assert.equal(await validator.check(entity), true, `${stringifyEntityRef(entity)} failed its kind schema`);
    }
    assert.ok(entity.metadata.uid && entity.metadata.etag, 'uid and etag are set');
    assert.ok(Array.isArray(entity.relations));
  }
});

test('queryEntities walks cursors forward and back with a stable total', async () => {
  const request = { filter: { kind: 'component' }, orderFields: { field: 'metadata.name', order: 'asc' }, limit: 5 };
  const first = await catalog.queryEntities(request);
  assert.equal(first.totalItems, 12);
  assert.deepEqual(first.items.map(e => e.metadata.name), ['svc-00', 'svc-01', 'svc-02', 'svc-03', 'svc-04']);
  assert.equal(first.pageInfo.prevCursor, undefined);

  const second = await catalog.queryEntities({ cursor: first.pageInfo.nextCursor, limit: 5 });
  assert.deepEqual(second.items.map(e => e.metadata.name), ['svc-05', 'svc-06', 'svc-07', 'svc-08', 'svc-09']);
  const third = await catalog.queryEntities({ cursor: second.pageInfo.nextCursor, limit: 5 });
  assert.deepEqual(third.items.map(e => e.metadata.name), ['svc-10', 'svc-11']);
  assert.equal(third.pageInfo.nextCursor, undefined);
  assert.equal(third.totalItems, 12);

  const back = await catalog.queryEntities({ cursor: third.pageInfo.prevCursor, limit: 5 });
  assert.deepEqual(back.items.map(e => e.metadata.name), ['svc-05', 'svc-06', 'svc-07', 'svc-08', 'svc-09']);
  const backAgain = await catalog.queryEntities({ cursor: back.pageInfo.prevCursor, limit: 5 });
  assert.deepEqual(backAgain.items.map(e => e.metadata.name), ['svc-00', 'svc-01', 'svc-02', 'svc-03', 'svc-04']);
  assert.equal(backAgain.pageInfo.prevCursor, undefined);
});

test('queryEntities with a full-text filter', async () => {
  const result = await catalog.queryEntities({
    fullTextFilter: { term: 'SVC-1', fields: ['metadata.name'] },
    orderFields: [{ field: 'metadata.name', order: 'asc' }],
  });
  assert.deepEqual(result.items.map(e => e.metadata.name), ['svc-10', 'svc-11']);
});

test('queryEntities with a predicate query routes to the POST endpoint and pages', async () => {
  const first = await catalog.queryEntities({
    query: { $all: [{ kind: 'component' }, { 'spec.lifecycle': { $in: ['experimental'] } }] },
    orderFields: [{ field: 'metadata.name', order: 'asc' }],
    limit: 4,
  });
  assert.equal(first.totalItems, 6);
  assert.deepEqual(first.items.map(e => e.metadata.name), ['svc-01', 'svc-03', 'svc-05', 'svc-07']);
  const second = await catalog.queryEntities({ cursor: first.pageInfo.nextCursor, limit: 4 });
  assert.deepEqual(second.items.map(e => e.metadata.name), ['svc-09', 'svc-11']);
});

test('getEntityByRef finds entities case-insensitively and returns undefined when missing', async () => {
  const entity = await catalog.getEntityByRef('Component:default/SVC-03');
  assert.equal(entity.metadata.name, 'svc-03');
  assert.deepEqual(
    entity.relations.map(r => `${r.type} ${r.targetRef}`),
    ['ownedBy group:default/team-a'],
  );
  assert.equal(await catalog.getEntityByRef('component:default/nope'), undefined);
});

test('getEntitiesByRefs answers in request order with undefined for missing', async () => {
  const { items } = await catalog.getEntitiesByRefs({
    entityRefs: ['component:default/svc-02', 'component:default/missing', 'group:default/team-a'],
    fields: ['metadata.name'],
  });
  assert.deepEqual(items.map(e => e?.metadata.name), ['svc-02', undefined, 'team-a']);
});

test('getEntityFacets counts values', async () => {
  const { facets } = await catalog.getEntityFacets({ facets: ['spec.type', 'metadata.tags'], filter: { kind: 'component' } });
  const asMap = list => Object.fromEntries(list.map(f => [f.value, f.count]));
  assert.deepEqual(asMap(facets['spec.type']), { service: 8, website: 4 });
  assert.deepEqual(asMap(facets['metadata.tags']), { java: 3, go: 9 });
});

test('getLocations, getLocationById and getLocationByEntity', async () => {
  const { items } = await catalog.getLocations();
  assert.ok(items.some(l => l.id === seeded.location.id && l.target === seedPath));
  const byId = await catalog.getLocationById(seeded.location.id);
  assert.equal(byId.target, seedPath);
  const byEntity = await catalog.getLocationByEntity('component:default/svc-01');
  assert.equal(byEntity.id, seeded.location.id);
  assert.equal(await catalog.getLocationById('00000000-0000-0000-0000-000000000000'), undefined);
});

test('validateEntity reports validity', async () => {
  const valid = await catalog.validateEntity(
    { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'fine' }, spec: { type: 'service', lifecycle: 'production', owner: 'me' } },
    'url:https://example.com/catalog-info.yaml',
  );
  assert.deepEqual(valid, { valid: true });
  const invalid = await catalog.validateEntity(
    { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'not fine' }, spec: {} },
    'url:https://example.com/catalog-info.yaml',
  );
  assert.equal(invalid.valid, false);
  assert.ok(invalid.errors.length > 0);
  assert.match(invalid.errors[0].message, /metadata\.name/);
});

test('refreshEntity re-reads the entity from its location', async () => {
  const path = writeCatalogFile('refresh.yaml', [component('refreshed', { lifecycle: 'experimental' })]);
  await catalog.addLocation({ type: 'file', target: path });
  writeCatalogFile('refresh.yaml', [component('refreshed', { lifecycle: 'production' })]);
  await catalog.refreshEntity('component:default/refreshed');
  const entity = await catalog.getEntityByRef('component:default/refreshed');
  assert.equal(entity.spec.lifecycle, 'production');
});

test('removeEntityByUid removes the entity', async () => {
  const path = writeCatalogFile('removable.yaml', [component('removable')]);
  await catalog.addLocation({ type: 'file', target: path });
  const entity = await catalog.getEntityByRef('component:default/removable');
  await catalog.removeEntityByUid(entity.metadata.uid);
  assert.equal(await catalog.getEntityByRef('component:default/removable'), undefined);
});

test('removeLocationById removes the location and its entities', async () => {
  const path = writeCatalogFile('temporary.yaml', [component('temporary')]);
  const { location } = await catalog.addLocation({ type: 'file', target: path });
  assert.ok(await catalog.getEntityByRef('component:default/temporary'));
  await catalog.removeLocationById(location.id);
  assert.equal(await catalog.getLocationById(location.id), undefined);
  assert.equal(await catalog.getEntityByRef('component:default/temporary'), undefined);
});

test('getEntityAncestors returns the processing lineage', async () => {
  const { rootEntityRef, items } = await catalog.getEntityAncestors({ entityRef: 'component:default/svc-00' });
  assert.equal(rootEntityRef, 'component:default/svc-00');
  assert.equal(items[0].entity.metadata.name, 'svc-00');
  assert.deepEqual(items[0].parentEntityRefs, [seeded.location.entityRef]);
});
