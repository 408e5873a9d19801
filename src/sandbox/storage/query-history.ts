/**
 * Finished Logs Insights queries, kept in the sandbox database so that DescribeQueries and GetQueryResults answer
 * after a restart as AWS does (AWS keeps query history and results for days; the engine keeps them in memory).
 * The table is created here rather than by a migration, so that it can be added without renumbering the schema.
 */
import type { QueryInfo } from "../insights/index.js";
import type { QueryStatistics, ResultField } from "../insights/index.js";
import type { Db } from "./db.js";

export interface FinishedQuery {
  accountId: string;
  region: string;
  info: QueryInfo;
  /** Every group the query read (DescribeQueries' logGroupName filter matches any of them). */
  groups: string[];
  results: ResultField[][];
  statistics: QueryStatistics;
}

interface Row {
  account_id: string;
  region: string;
  info: string;
  groups: string;
  results: string;
  statistics: string;
}

const KEEP_MS = 7 * 24 * 3_600_000;

export class QueryHistory {
  readonly #q;

  constructor(db: Db) {
    db.exec(`CREATE TABLE IF NOT EXISTS insights_query_history (
      query_id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL,
      region TEXT NOT NULL,
      create_time INTEGER NOT NULL,
      info TEXT NOT NULL,
      groups TEXT NOT NULL,
      results TEXT NOT NULL,
      statistics TEXT NOT NULL
    )`);
    this.#q = {
      save: db.prepare(
        `INSERT OR IGNORE INTO insights_query_history (query_id, account_id, region, create_time, info, groups, results, statistics)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      purge: db.prepare("DELETE FROM insights_query_history WHERE create_time < ?"),
      one: db.prepare("SELECT * FROM insights_query_history WHERE query_id = ? AND account_id = ? AND region = ?"),
      all: db.prepare(
        "SELECT * FROM insights_query_history WHERE account_id = ? AND region = ? ORDER BY create_time DESC LIMIT 1000",
      ),
    };
  }

  save(q: FinishedQuery, now: number): void {
    this.#q.purge.run(now - KEEP_MS);
    this.#q.save.run(
      q.info.queryId,
      q.accountId,
      q.region,
      q.info.createTime,
      JSON.stringify(q.info),
      JSON.stringify(q.groups),
      JSON.stringify(q.results),
      JSON.stringify(q.statistics),
    );
  }

  find(accountId: string, region: string, queryId: string): FinishedQuery | undefined {
    const row = this.#q.one.get(queryId, accountId, region) as Row | undefined;
    return row === undefined ? undefined : parse(row);
  }

  list(accountId: string, region: string): FinishedQuery[] {
    return (this.#q.all.all(accountId, region) as Row[]).map(parse);
  }
}

function parse(row: Row): FinishedQuery {
  return {
    accountId: row.account_id,
    region: row.region,
    info: JSON.parse(row.info) as QueryInfo,
    groups: JSON.parse(row.groups) as string[],
    results: JSON.parse(row.results) as ResultField[][],
    statistics: JSON.parse(row.statistics) as QueryStatistics,
  };
}
