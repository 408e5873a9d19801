/**
 * Alarms and their history in SQLite (tables `cw_alarms`, `cw_alarm_history`), per account and Region. The
 * definition is kept as JSON; the state columns change on every transition, `evaluated_at` on every evaluation.
 */
import type { Db } from "../../storage/db.js";
import type { AlarmDefinition } from "./definition.js";
import type { AlarmState } from "./evaluate.js";

export interface AlarmRow {
  accountId: string;
  region: string;
  name: string;
  definition: AlarmDefinition;
  configUpdatedAt: number;
  state: AlarmState;
  stateReason: string;
  stateReasonData: string | null;
  stateUpdatedAt: number;
  stateTransitionedAt: number;
  evaluatedAt: number;
}

export type HistoryType = "ConfigurationUpdate" | "StateUpdate" | "Action";

export interface HistoryItem {
  alarmName: string;
  timestamp: number;
  type: HistoryType;
  summary: string;
  data: string;
}

interface RawAlarm {
  account_id: string;
  region: string;
  name: string;
  definition: string;
  config_updated_at: number;
  state: AlarmState;
  state_reason: string;
  state_reason_data: string | null;
  state_updated_at: number;
  state_transitioned_at: number;
  evaluated_at: number;
}

const fromRaw = (raw: RawAlarm): AlarmRow => ({
  accountId: raw.account_id,
  region: raw.region,
  name: raw.name,
  definition: JSON.parse(raw.definition) as AlarmDefinition,
  configUpdatedAt: raw.config_updated_at,
  state: raw.state,
  stateReason: raw.state_reason,
  stateReasonData: raw.state_reason_data,
  stateUpdatedAt: raw.state_updated_at,
  stateTransitionedAt: raw.state_transitioned_at,
  evaluatedAt: raw.evaluated_at,
});

export class AlarmStore {
  readonly #db: Db;
  readonly #q;

  constructor(db: Db) {
    this.#db = db;
    db.exec(`
      CREATE TABLE IF NOT EXISTS cw_alarms (
        account_id TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, definition TEXT NOT NULL,
        config_updated_at INTEGER NOT NULL, state TEXT NOT NULL, state_reason TEXT NOT NULL, state_reason_data TEXT,
        state_updated_at INTEGER NOT NULL, state_transitioned_at INTEGER NOT NULL, evaluated_at INTEGER NOT NULL,
        PRIMARY KEY (account_id, region, name)
      ) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS cw_alarm_history (
        id INTEGER PRIMARY KEY, account_id TEXT NOT NULL, region TEXT NOT NULL, alarm_name TEXT NOT NULL,
        ts INTEGER NOT NULL, type TEXT NOT NULL, summary TEXT NOT NULL, data TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS cw_alarm_history_ts ON cw_alarm_history (account_id, region, ts);
    `);
    this.#q = {
      get: db.prepare("SELECT * FROM cw_alarms WHERE account_id = ? AND region = ? AND name = ?"),
      list: db.prepare("SELECT * FROM cw_alarms WHERE account_id = ? AND region = ? ORDER BY name"),
      all: db.prepare("SELECT * FROM cw_alarms ORDER BY account_id, region, name"),
      insert: db.prepare(
        `INSERT INTO cw_alarms VALUES (@accountId, @region, @name, @definition, @configUpdatedAt, @state, @stateReason,
           @stateReasonData, @stateUpdatedAt, @stateTransitionedAt, @evaluatedAt)`,
      ),
      updateDefinition: db.prepare(
        "UPDATE cw_alarms SET definition = ?, config_updated_at = ? WHERE account_id = ? AND region = ? AND name = ?",
      ),
      setState: db.prepare(
        `UPDATE cw_alarms SET state = @state, state_reason = @stateReason, state_reason_data = @stateReasonData,
           state_updated_at = @at, state_transitioned_at = CASE WHEN state = @state THEN state_transitioned_at ELSE @at END
         WHERE account_id = @accountId AND region = @region AND name = @name`,
      ),
      evaluated: db.prepare("UPDATE cw_alarms SET evaluated_at = ? WHERE account_id = ? AND region = ? AND name = ?"),
      remove: db.prepare("DELETE FROM cw_alarms WHERE account_id = ? AND region = ? AND name = ?"),
      addHistory: db.prepare(
        "INSERT INTO cw_alarm_history (account_id, region, alarm_name, ts, type, summary, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
      ),
      history: db.prepare(
        "SELECT alarm_name AS alarmName, ts AS timestamp, type, summary, data FROM cw_alarm_history WHERE account_id = ? AND region = ? ORDER BY ts, id",
      ),
    };
  }

  get(accountId: string, region: string, name: string): AlarmRow | undefined {
    const raw = this.#q.get.get(accountId, region, name) as RawAlarm | undefined;
    return raw === undefined ? undefined : fromRaw(raw);
  }

  list(accountId: string, region: string): AlarmRow[] {
    return (this.#q.list.all(accountId, region) as RawAlarm[]).map(fromRaw);
  }

  all(): AlarmRow[] {
    return (this.#q.all.all() as RawAlarm[]).map(fromRaw);
  }

  insert(row: AlarmRow): void {
    this.#q.insert.run({ ...row, definition: JSON.stringify(row.definition) });
  }

  updateDefinition(row: AlarmRow, definition: AlarmDefinition, at: number): void {
    this.#q.updateDefinition.run(JSON.stringify(definition), at, row.accountId, row.region, row.name);
  }

  setState(row: AlarmRow, state: AlarmState, stateReason: string, stateReasonData: string | null, at: number): void {
    this.#q.setState.run({
      accountId: row.accountId,
      region: row.region,
      name: row.name,
      state,
      stateReason,
      stateReasonData,
      at,
    });
  }

  markEvaluated(row: AlarmRow, at: number): void {
    this.#q.evaluated.run(at, row.accountId, row.region, row.name);
  }

  remove(accountId: string, region: string, name: string): boolean {
    return this.#q.remove.run(accountId, region, name).changes > 0;
  }

  addHistory(accountId: string, region: string, item: HistoryItem): void {
    this.#q.addHistory.run(accountId, region, item.alarmName, item.timestamp, item.type, item.summary, item.data);
  }

  history(accountId: string, region: string): HistoryItem[] {
    return this.#q.history.all(accountId, region) as HistoryItem[];
  }

  transaction<T>(fn: () => T): T {
    return this.#db.transaction(fn).immediate();
  }
}
