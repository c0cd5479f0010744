-- Registered locations: what users and start-up registered with POST /locations.
CREATE TABLE locations (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    target TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_processed_at TEXT,
    UNIQUE (type, target)
);

-- One row per entity. processed_json is the entity after processing (defaults, annotations);
-- final_json is what clients read: processed_json stitched with relations and status.
CREATE TABLE entities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    entity_ref TEXT NOT NULL UNIQUE,
    etag TEXT NOT NULL,
    processed_json TEXT NOT NULL,
    final_json TEXT NOT NULL,
    errors_json TEXT,
    source TEXT NOT NULL,
    location_id TEXT REFERENCES locations (id) ON DELETE CASCADE,
    location_key TEXT,
    parent_ref TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX entities_location_id ON entities (location_id);
CREATE INDEX entities_source ON entities (source);
CREATE INDEX entities_parent_ref ON entities (parent_ref);

-- Relations as emitted by the entity that produced them (forward on itself, reverse on targets).
CREATE TABLE relations (
    originating_entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    source_ref TEXT NOT NULL,
    type TEXT NOT NULL,
    target_ref TEXT NOT NULL
);
CREATE INDEX relations_source_ref ON relations (source_ref);
CREATE INDEX relations_originating_entity_id ON relations (originating_entity_id);

-- Flattened search index of each final entity: what filters, ordering, facets and full-text read.
CREATE TABLE search (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    original_value TEXT,
    value TEXT
);
CREATE INDEX search_key_value ON search (key, value, entity_id);
-- (entity_id, key, value): per-entity probes for filters and sorting resolve from the index alone.
CREATE INDEX search_entity_id ON search (entity_id, key, value);

-- Bumped by every catalog write; cached counts and facets are valid while it is unchanged.
CREATE TABLE catalog_state (
    id INTEGER PRIMARY KEY,
    generation BIGINT NOT NULL
);
INSERT INTO catalog_state (id, generation) VALUES (1, 0);
