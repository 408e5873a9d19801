/**
 * Why the dashboard does not show what the original lab asks for, in words that lead to the fix: it is missing
 * (and another dashboard would qualify), latency comes from `@duration` (Bedrock's records have none), a metric sits
 * in the wrong namespace, log widgets read another group or top-level token fields, the widgets name another Region,
 * or the charted model id has no data while another one does.
 */
import { GetDashboardCommand, paginateListDashboards } from "@aws-sdk/client-cloudwatch";
import { enCount, type Text } from "genai-lab/kit";
import { trafficByModel } from "./bedrock-metrics.js";
import { NAMESPACE } from "./dashboard-body.js";
import {
  ALL_SHOWS,
  logShows,
  metricShows,
  readDashboard,
  shownBy,
  type ReadDashboard,
  type Shown,
  type Shows,
} from "./dashboard-read.js";
import { baseModelId, type ReadCtx } from "./model.js";

export const SHOWS_TEXT: Text = {
  vi: "lượt gọi, lượng token và độ trễ",
  en: "invocation count, token usage and latency",
};

const NAMES: Record<Shows, Text> = {
  invocations: { vi: "lượt gọi", en: "invocation count" },
  tokens: { vi: "lượng token", en: "token usage" },
  latency: { vi: "độ trễ", en: "latency" },
};

const METRIC_FOR: Record<Shows, string> = {
  invocations: "Invocations",
  tokens: "InputTokenCount",
  latency: "InvocationLatency",
};

const ADD: Record<Shows, Text> = {
  invocations: {
    vi: `thêm metric ${NAMESPACE} Invocations (theo ModelId), hoặc một widget log \`stats count(*)\` trên log group`,
    en: `add the ${NAMESPACE} Invocations metric (by ModelId), or a log widget \`stats count(*)\` over the log group`,
  },
  tokens: {
    vi: `thêm metric ${NAMESPACE} InputTokenCount/OutputTokenCount, hoặc một widget log cộng input.inputTokenCount và output.outputTokenCount`,
    en: `add the ${NAMESPACE} InputTokenCount/OutputTokenCount metrics, or a log widget summing input.inputTokenCount and output.outputTokenCount`,
  },
  latency: {
    vi: `thêm metric ${NAMESPACE} InvocationLatency (Average hoặc p90)`,
    en: `add the ${NAMESPACE} InvocationLatency metric (Average or p90)`,
  },
};

type Why = { actual: Text; hint: Text };

const MAX_OTHERS = 10;

export async function missingDashboard(ctx: ReadCtx, name: string): Promise<Why> {
  const names: string[] = [];
  for await (const page of paginateListDashboards({ client: ctx.aws.cloudwatch }, {})) {
    for (const d of page.DashboardEntries ?? []) if (d.DashboardName) names.push(d.DashboardName);
  }
  const qualifying: string[] = [];
  for (const other of names.slice(0, MAX_OTHERS)) {
    const out = await ctx.aws.cloudwatch.send(new GetDashboardCommand({ DashboardName: other }), {
      abortSignal: ctx.signal,
    });
    try {
      const shown = shownBy(
        readDashboard(JSON.parse(out.DashboardBody ?? "") as unknown, ctx.target.region),
        ctx.params.logGroupName,
      );
      if (ALL_SHOWS.every((what) => shown.some((s) => s.what === what && s.region === ctx.target.region)))
        qualifying.push(other);
    } catch {
      // Not JSON: not a candidate.
    }
  }
  const actual: Text = { vi: `không có dashboard tên ${name}`, en: `no dashboard named ${name}` };
  if (qualifying.length > 0) {
    const list = qualifying.join(", ");
    return {
      actual,
      hint: {
        vi: `Bài lab tìm dashboard tên ${name}. Dashboard ${list} của bạn có đủ nội dung: lưu nó dưới tên ${name} (console: Actions → Save dashboard as), hoặc chấm theo tên đó với --param dashboardName=${qualifying[0]}.`,
        en: `The lab looks for a dashboard named ${name}. Your dashboard ${list} shows what it takes: save it as ${name} (console: Actions → Save dashboard as), or grade that name with --param dashboardName=${qualifying[0]}.`,
      },
    };
  }
  const seen = names.length > 0 ? names.slice(0, MAX_OTHERS).join(", ") : undefined;
  return {
    actual,
    hint: {
      vi: `Tạo dashboard tên ${name} (CloudWatch → Dashboards → Create dashboard) hiện ${SHOWS_TEXT.vi}.${seen ? ` Dashboard đang có: ${seen}.` : ""}`,
      en: `Create a dashboard named ${name} (CloudWatch → Dashboards → Create dashboard) showing ${SHOWS_TEXT.en}.${seen ? ` Dashboards here: ${seen}.` : ""}`,
    },
  };
}

/** Why `what` is not shown at all: the most specific near miss the body holds. */
function whyAbsent(ctx: ReadCtx, read: ReadDashboard, what: Shows): Text {
  const group = ctx.params.logGroupName;
  if (what === "latency" && read.logs.some((l) => /@duration/.test(l.query))) {
    return {
      vi: `Độ trễ lấy từ @duration không hiện gì: @duration chỉ có trong log của Lambda, bản ghi của Bedrock không có trường độ trễ. Thay vào đó, ${ADD.latency.vi}.`,
      en: `Latency from @duration shows nothing: @duration exists only in Lambda logs, and Bedrock's records have no latency field. Instead, ${ADD.latency.en}.`,
    };
  }
  const misplaced = read.metrics.find((m) => metricShows(m.metric) === what && m.namespace !== NAMESPACE);
  if (misplaced) {
    return {
      vi: `Metric ${misplaced.metric} đang ở namespace "${misplaced.namespace}": Bedrock ghi metric vào namespace "${NAMESPACE}".`,
      en: `The ${misplaced.metric} metric is in the namespace "${misplaced.namespace}": Bedrock publishes its metrics under "${NAMESPACE}".`,
    };
  }
  const elsewhere = read.logs.find((l) => logShows(l.query).includes(what) && !l.sources.includes(group));
  if (elsewhere) {
    const from = elsewhere.sources.join(", ") || "(no SOURCE)";
    return {
      vi: `Widget log đọc ${from}, không phải ${group}: truy vấn phải bắt đầu bằng SOURCE '${group}' |.`,
      en: `The log widget reads ${from}, not ${group}: its query must start with SOURCE '${group}' |.`,
    };
  }
  if (what === "tokens" && read.logs.some((l) => /(?<![\w.])(input|output)TokenCount\b/.test(l.query))) {
    return {
      vi: "Widget log cộng inputTokenCount/outputTokenCount ở cấp trên cùng, nhưng các trường này không tồn tại: số token nằm lồng trong input.inputTokenCount và output.outputTokenCount.",
      en: "The log widget sums top-level inputTokenCount/outputTokenCount, which do not exist: the counts are nested as input.inputTokenCount and output.outputTokenCount.",
    };
  }
  return {
    vi: `Dashboard chưa có ${NAMES[what].vi}: ${ADD[what].vi}.`,
    en: `The dashboard has no ${NAMES[what].en}: ${ADD[what].en}.`,
  };
}

/** Undefined when each of the three is shown in the lab's Region (data aside). */
export function notShown(ctx: ReadCtx, read: ReadDashboard, shown: Shown[]): Why | undefined {
  const { region } = ctx.target;
  const absent = ALL_SHOWS.filter((what) => !shown.some((s) => s.what === what));
  const list = (shows: Shows[], lang: "vi" | "en") => shows.map((w) => NAMES[w][lang]).join(", ");
  if (absent.length > 0) {
    const first = absent[0] ?? "latency";
    return {
      actual: {
        vi: `${read.widgets} widget; thiếu: ${list(absent, "vi")}`,
        en: `${enCount(read.widgets, "widget")}; not shown: ${list(absent, "en")}`,
      },
      hint: whyAbsent(ctx, read, first),
    };
  }
  const away = ALL_SHOWS.filter((what) => shown.filter((s) => s.what === what).every((s) => s.region !== region));
  if (away.length === 0) return undefined;
  const regions = [...new Set(shown.filter((s) => away.includes(s.what)).map((s) => s.region))].join(", ");
  return {
    actual: {
      vi: `widget ${list(away, "vi")} đọc dữ liệu ở ${regions}, không phải ${region}`,
      en: `the ${list(away, "en")} widgets read ${regions}, not ${region}`,
    },
    hint: {
      vi: `Region của bài lab là ${region}: đặt "region": "${region}" trong properties của các widget đó.`,
      en: `The lab's Region is ${region}: set "region": "${region}" in those widgets' properties.`,
    },
  };
}

/** Why the widgets for `dark` draw nothing: the model id charted has no data (and which one does), or no data at all. */
export async function noData(
  ctx: ReadCtx,
  here: Shown[],
  dark: Shows[],
  range: { startMs: number; endMs: number },
): Promise<Why> {
  const { region } = ctx.target;
  const what = dark[0] ?? "invocations";
  const charted = [...new Set(here.filter((s) => s.what === what && s.kind === "metric").map((s) => s.label))];
  const actual: Text = {
    vi: `widget ${dark.map((w) => NAMES[w].vi).join(", ")} không có dữ liệu ở ${region} trong 24 giờ qua`,
    en: `the ${dark.map((w) => NAMES[w].en).join(", ")} widgets have no data in ${region} over the last 24 hours`,
  };
  // The same model reached through a profile (or the other way round) first: that is the id the learner meant.
  const bases = new Set(charted.map(baseModelId));
  const withData = (await trafficByModel(ctx, range, METRIC_FOR[what]))
    .map((m) => m.modelId)
    .sort((a, b) => Number(bases.has(baseModelId(b))) - Number(bases.has(baseModelId(a))));
  if (withData.length === 0) {
    return {
      actual,
      hint: {
        vi: `Chưa có dữ liệu ${NAMESPACE} nào ở ${region} trong 24 giờ qua: gọi model trước (bước 2). Trên AWS, metric về sau lời gọi khoảng một phút.`,
        en: `There is no ${NAMESPACE} data in ${region} over the last 24 hours: call the model first (step 2). On AWS, metrics arrive about a minute after a call.`,
      },
    };
  }
  const ids = withData.join(", ");
  if (charted.length === 0) {
    const group = ctx.params.logGroupName;
    return {
      actual,
      hint: {
        vi: `Widget log đọc ${group}, nơi chưa có bản ghi nào trong 24 giờ qua (lời gọi trước khi bật logging chỉ có trong metric): vẽ metric ${NAMESPACE} ${METRIC_FOR[what]} của ${withData[0]}, hoặc gọi model lại khi logging đã bật.`,
        en: `The log widgets read ${group}, which holds no record from the last 24 hours (calls made before logging was on are in the metrics only): chart the ${NAMESPACE} ${METRIC_FOR[what]} metric of ${withData[0]}, or call the model again with logging on.`,
      },
    };
  }
  return {
    actual,
    hint: {
      vi: `Dashboard vẽ ${charted.join(", ")} nhưng lời gọi của bạn đi qua ${ids}: hãy vẽ ID có dữ liệu (ModelId = ${withData[0]}).`,
      en: `The dashboard charts ${charted.join(", ")} but your calls went through ${ids}: chart the id that has data (ModelId = ${withData[0]}).`,
    },
  };
}
