/**
 * Why no Logs Insights query over the lab's group counts yet, from the newest one's fate: still running, failed,
 * stopped, empty because its time range missed the records, or filled with columns that do not exist; else the
 * queries went to another group, or there are none.
 */
import type { QueryInfo } from "@aws-sdk/client-cloudwatch-logs";
import { enCount, type Text } from "genai-lab/kit";
import { newestRecordAt } from "./log-records.js";
import type { ReadCtx } from "./model.js";

export interface QueryLook {
  id: string;
  status: string;
  text: string;
  rows: number;
  /** Rows with at least one non-empty value. */
  filled: number;
  /** Top-level token fields the query names that no row has. */
  emptyColumns?: string[];
}

export interface NoResults {
  actual: Text;
  hint: Text;
  queryId?: string;
}

const NESTED: Text = {
  vi: "số token nằm lồng trong bản ghi: dùng input.inputTokenCount và output.outputTokenCount (không có inputTokenCount ở cấp trên cùng)",
  en: "the token counts are nested: use input.inputTokenCount and output.outputTokenCount (there is no top-level inputTokenCount)",
};

export async function explainNoResults(ctx: ReadCtx, looks: QueryLook[], others: QueryInfo[]): Promise<NoResults> {
  const group = ctx.params.logGroupName;
  const newest = looks[0];
  const startQuery = `aws logs start-query --log-group-name ${group} --start-time $(( $(date +%s) - 86400 )) --end-time $(date +%s) --query-string 'fields @timestamp, modelId, input.inputTokenCount, output.outputTokenCount | sort @timestamp desc | limit 20'`;
  if (!newest) {
    const elsewhere = [...new Set(others.map((q) => q.logGroupName).filter((g): g is string => !!g))];
    if (elsewhere.length > 0) {
      return {
        actual: {
          vi: `các truy vấn gần đây chạy trên ${elsewhere.join(", ")}, không có truy vấn nào trên ${group}`,
          en: `recent queries ran over ${elsewhere.join(", ")}; none over ${group}`,
        },
        hint: {
          vi: `Chạy truy vấn trên đúng log group ${group} (ô chọn log group của Logs Insights, hoặc --log-group-name ${group}).`,
          en: `Run the query over the log group ${group} (the Logs Insights group picker, or --log-group-name ${group}).`,
        },
      };
    }
    return {
      actual: {
        vi: `chưa có truy vấn Logs Insights nào trên ${group}`,
        en: `no Logs Insights query over ${group} yet`,
      },
      hint: {
        vi: `Chạy một truy vấn Logs Insights trên ${group}: CloudWatch console → Logs Insights, hoặc \`${startQuery}\`.`,
        en: `Run a Logs Insights query over ${group}: CloudWatch console → Logs Insights, or \`${startQuery}\`.`,
      },
    };
  }
  const id = newest.id;
  const said = (vi: string, en: string, hint: Text): NoResults => ({ actual: { vi, en }, hint, queryId: id });
  switch (newest.status) {
    case "Running":
    case "Scheduled":
      return said(`truy vấn ${id} vẫn đang chạy`, `query ${id} is still running`, {
        vi: `Đợi nó chạy xong (thường vài giây) rồi kiểm tra lại; xem kết quả: \`aws logs get-query-results --query-id ${id}\`.`,
        en: `Let it finish (usually seconds), then check again; its results: \`aws logs get-query-results --query-id ${id}\`.`,
      });
    case "Failed":
      return said(`truy vấn ${id} thất bại (Failed)`, `query ${id} failed`, {
        vi: "Logs Insights không chạy được truy vấn này: kiểm tra cú pháp (các lệnh nối bằng |, ví dụ `fields @timestamp, input.inputTokenCount | sort @timestamp desc`) rồi chạy lại.",
        en: "Logs Insights could not run it: check its syntax (commands joined by |, e.g. `fields @timestamp, input.inputTokenCount | sort @timestamp desc`) and run it again.",
      });
    case "Cancelled":
    case "Timeout":
    case "Unknown":
      return said(`truy vấn ${id} kết thúc ở trạng thái ${newest.status}`, `query ${id} ended ${newest.status}`, {
        vi: "Truy vấn đã bị dừng hoặc quá hạn: chạy lại nó (thu hẹp khoảng thời gian nếu nó quá lâu).",
        en: "The query was stopped or expired: run it again (with a narrower time range if it ran too long).",
      });
  }
  if (newest.rows > 0) {
    return said(
      `truy vấn ${id} trả về ${newest.rows} dòng nhưng mọi cột đều trống`,
      `query ${id} returned ${enCount(newest.rows, "row")}, every column empty`,
      {
        vi: `Các trường mà truy vấn yêu cầu không có trong bản ghi của Bedrock: ${NESTED.vi}.`,
        en: `The fields it asks for are not in Bedrock's records: ${NESTED.en}.`,
      },
    );
  }
  const at = await newestRecordAt(ctx, group);
  if (at === undefined) {
    return said(`truy vấn ${id} trả về 0 dòng`, `query ${id} returned 0 rows`, {
      vi: `${group} chưa có bản ghi nào: gọi model (bước 2) sau khi bật logging, rồi chạy lại truy vấn.`,
      en: `${group} holds no record yet: call the model (step 2) with logging on, then run the query again.`,
    });
  }
  const when = new Date(at).toISOString();
  return said(`truy vấn ${id} trả về 0 dòng`, `query ${id} returned 0 rows`, {
    vi: `Khoảng thời gian của truy vấn quá hẹp: ${group} có bản ghi (mới nhất lúc ${when}) nhưng truy vấn không phủ tới. Mở rộng khoảng thời gian (ô chọn thời gian trên console, hoặc --start-time/--end-time tính bằng *giây* epoch) cho phủ thời điểm đó, hoặc nới bộ lọc.`,
    en: `Its time range is too narrow: ${group} holds records (the newest at ${when}) but the query does not cover them. Widen the range (the console's time picker, or --start-time/--end-time in epoch *seconds*) to include that time, or loosen its filter.`,
  });
}
