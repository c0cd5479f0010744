-- The infrastructure hierarchy: account > environment > network > platform > app.
-- Each row holds only the node's own definition; effective (inherited) values are computed on
-- every read from the node's ancestors, so they can never be stale.
CREATE TABLE hierarchy_nodes (
    id TEXT PRIMARY KEY,
    namespace TEXT NOT NULL,
    name TEXT NOT NULL,
    -- Lowercased name: node names are unique per namespace ignoring case, as entity refs are.
    name_key TEXT NOT NULL,
    level TEXT NOT NULL,
    parent_id TEXT REFERENCES hierarchy_nodes (id),
    title TEXT,
    description TEXT,
    owner TEXT,
    is_abstract INTEGER NOT NULL,
    tags_json TEXT NOT NULL,
    config_json TEXT NOT NULL,
    locked_json TEXT NOT NULL,
    state TEXT NOT NULL,
    revision INTEGER NOT NULL,
    planned_revision INTEGER,
    planned_json TEXT,
    provisioned_revision INTEGER,
    provisioned_json TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (namespace, name_key)
);
CREATE INDEX hierarchy_nodes_parent_id ON hierarchy_nodes (parent_id);
CREATE INDEX hierarchy_nodes_level ON hierarchy_nodes (level, state);
CREATE INDEX hierarchy_nodes_owner ON hierarchy_nodes (owner);

-- Index of each node's own tags (the same entries as tags_json), for filtering by effective tag.
CREATE TABLE hierarchy_node_tags (
    node_id TEXT NOT NULL REFERENCES hierarchy_nodes (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (node_id, key)
);
CREATE INDEX hierarchy_node_tags_key_value ON hierarchy_node_tags (key, value);

-- Every revision of every node: its own definition and state after the change.
CREATE TABLE hierarchy_revisions (
    node_id TEXT NOT NULL REFERENCES hierarchy_nodes (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    operation TEXT NOT NULL,
    state TEXT NOT NULL,
    snapshot_json TEXT NOT NULL,
    details_json TEXT,
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (node_id, revision)
);

-- Append-only log of who changed what, when, with the node before and after.
CREATE TABLE hierarchy_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    node_id TEXT NOT NULL,
    namespace TEXT NOT NULL,
    name TEXT NOT NULL,
    level TEXT NOT NULL,
    action TEXT NOT NULL,
    revision INTEGER NOT NULL,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX hierarchy_audit_node_id ON hierarchy_audit (node_id, id);
