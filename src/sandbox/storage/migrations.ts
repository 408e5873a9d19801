/**
 * The sandbox schema, as an append-only list of migrations (PRAGMA user_version = how many have run).
 * Data is partitioned by account and Region; IAM roles and STS sessions are global per account.
 * Never edit a migration that has shipped: add a new one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE log_groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    retention_days INTEGER,
    kms_key_id TEXT,
    log_group_class TEXT NOT NULL DEFAULT 'STANDARD',
    stored_bytes INTEGER NOT NULL DEFAULT 0,
    UNIQUE (account_id, region, name)
  );
  CREATE TABLE log_group_tags (
    group_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (group_id, key)
  );
  CREATE TABLE log_streams (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    first_event_at INTEGER,
    last_event_at INTEGER,
    last_ingestion_at INTEGER,
    upload_seq INTEGER NOT NULL DEFAULT 0,
    UNIQUE (group_id, name)
  );
  -- id: unique and increasing in the order events became visible (the Insights contract relies on it).
  CREATE TABLE log_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    group_id INTEGER NOT NULL,
    stream_id INTEGER NOT NULL,
    timestamp INTEGER NOT NULL,
    ingestion_time INTEGER NOT NULL,
    message TEXT NOT NULL
  );
  CREATE INDEX log_events_by_group ON log_events (group_id);
  CREATE INDEX log_events_by_group_time ON log_events (group_id, timestamp);
  CREATE INDEX log_events_by_stream_time ON log_events (stream_id, timestamp);

  CREATE TABLE iam_roles (
    account_id TEXT NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    role_id TEXT NOT NULL,
    path TEXT NOT NULL,
    trust_policy TEXT NOT NULL,
    description TEXT,
    max_session_duration INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    changed_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, name)
  );
  CREATE TABLE iam_role_policies (
    account_id TEXT NOT NULL,
    role_name TEXT NOT NULL COLLATE NOCASE,
    policy_name TEXT NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (account_id, role_name, policy_name)
  );
  CREATE TABLE iam_role_tags (
    account_id TEXT NOT NULL,
    role_name TEXT NOT NULL COLLATE NOCASE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (account_id, role_name, key)
  );
  CREATE TABLE sts_sessions (
    access_key_id TEXT PRIMARY KEY,
    secret_access_key TEXT NOT NULL,
    session_token TEXT NOT NULL,
    account_id TEXT NOT NULL,
    principal_arn TEXT NOT NULL,
    user_id TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );

  CREATE TABLE bedrock_logging (
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    config TEXT NOT NULL,
    PRIMARY KEY (account_id, region)
  );
  -- Invocation-log records waiting for their delivery time; materialised into log_events lazily.
  CREATE TABLE pending_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    region TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    log_group_name TEXT NOT NULL,
    role_arn TEXT NOT NULL,
    event_time INTEGER NOT NULL,
    message TEXT NOT NULL
  );
  CREATE INDEX pending_deliveries_by_due ON pending_deliveries (due_at);
  `,
  // 2: CloudWatch Logs deletion protection (CreateLogGroup deletionProtectionEnabled, PutLogGroupDeletionProtection).
  `ALTER TABLE log_groups ADD COLUMN deletion_protection INTEGER NOT NULL DEFAULT 0;`,
  // 3: IAM users (the sandbox's simulated user of each account, first seen at created_at) and their inline policies.
  `
  CREATE TABLE iam_users (
    account_id TEXT NOT NULL,
    name TEXT NOT NULL COLLATE NOCASE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, name)
  );
  CREATE TABLE iam_user_policies (
    account_id TEXT NOT NULL,
    user_name TEXT NOT NULL COLLATE NOCASE,
    policy_name TEXT NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (account_id, user_name, policy_name)
  );
  `,
  // 4: STS session tags that are transitive (JSON object key → value), passed on along a role chain.
  `ALTER TABLE sts_sessions ADD COLUMN transitive_tags TEXT NOT NULL DEFAULT '{}';`,
  // 5: PutLogEvents batches stored as one row each until their events are indexed into log_events, in the ids
  // reserved for them from log_events' sequence (pending-batches.ts). The sequence row is made if no event has been
  // stored yet, so a reservation can always advance it.
  `
  CREATE TABLE log_batches (
    first_id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL,
    stream_id INTEGER NOT NULL,
    ingestion_time INTEGER NOT NULL,
    events BLOB NOT NULL
  );
  INSERT INTO sqlite_sequence (name, seq)
    SELECT 'log_events', COALESCE((SELECT MAX(id) FROM log_events), 0)
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'log_events');
  `,
];
