/** What the investigation's checks say, in both languages: expectations, what was found, and each near miss's hint. */
import type { Text } from "genai-lab/kit";
import type { AlarmMiss } from "./alarm-grade.js";
import type { TenantMiss, ThrottleMiss } from "./grade.js";

/** HH:MM UTC, how the questions name the incident's start. */
export const hhmm = (ms: number): string => `${new Date(ms).toISOString().slice(11, 16)} UTC`;

const queries = (n: number): Text =>
  n === 0
    ? {
        vi: "chưa có truy vấn Logs Insights nào chạy xong sau khi sự cố được tạo",
        en: "no Logs Insights query completed since the incident was seeded",
      }
    : { vi: `${n} truy vấn đã chạy xong`, en: `${n} complete quer${n === 1 ? "y" : "ies"}` };

/**
 * How the learner lets genai-lab do the bonus step, said so that it holds wherever the hint is read: in the TUI
 * (Enter on the step) and from the command line (`genai-lab run --mode hands-on` has no key for it; a guided
 * run of the one step does it, without changing the saved mode).
 */
const DO_IT_FOR_ME: Text = {
  vi: "trong màn hình genai-lab, nhấn Enter ở bước này; từ dòng lệnh, chạy `genai-lab run --step investigate --yes`",
  en: "in the genai-lab screen, press Enter on this step; from the command line, run `genai-lab run --step investigate --yes`",
};

export const NO_INCIDENT = {
  evidence: (onAws: boolean) => ({
    expected: {
      vi: "một lịch sử có sự cố cost-spike trong sandbox",
      en: "a seeded cost-spike incident in the sandbox",
    },
    actual: onAws
      ? {
          vi: "bạn đang dùng AWS thật: không có lịch sử mô phỏng để điều tra",
          en: "this is real AWS: there is no seeded history to investigate",
        }
      : { vi: "sandbox chưa có sự cố nào được tạo", en: "the sandbox holds no seeded incident" },
  }),
  hint: (onAws: boolean): Text =>
    onAws
      ? {
          vi: "Phần điều tra này chỉ chạy trên sandbox: `genai-lab --target sandbox`, rồi tạo sự cố ở bước này.",
          en: "This investigation runs on the sandbox only: `genai-lab --target sandbox`, then create the incident with this step's first action.",
        }
      : {
          vi: `Tạo sự cố trước: \`genai-lab sandbox seed --hours 6 --rate 3 --scenario cost-spike\`. Muốn genai-lab làm giúp cả bước (được ghi là genai-lab làm): ${DO_IT_FOR_ME.vi}.`,
          en: `Seed the incident first: \`genai-lab sandbox seed --hours 6 --rate 3 --scenario cost-spike\`. To have genai-lab do the whole step for you (recorded as done by genai-lab): ${DO_IT_FOR_ME.en}.`,
        },
};

export const TENANT_TEXTS = {
  expected: (start: string): Text => ({
    vi: `một truy vấn của bạn có dòng đầu tiên là tenant dùng nhiều token nhất (đầu vào + đầu ra) kể từ ${start}`,
    en: `a query of yours whose first row is the tenant that used the most tokens (input + output) since ${start}`,
  }),
  passed: (tenant: string): Text => ({
    vi: `dòng đầu tiên là ${tenant}, đúng tenant gây ra đợt tăng đột biến`,
    en: `the first row is ${tenant}, the tenant behind the spike`,
  }),
  actual: (n: number, shown: string | undefined): Text =>
    shown === undefined
      ? queries(n)
      : {
          vi: `${queries(n).vi}; dòng đầu tiên gần nhất là ${shown}`,
          en: `${queries(n).en}; the closest first row is ${shown}`,
        },
  hint: (reason: TenantMiss | "none", start: string): Text => {
    switch (reason) {
      case "not-tokens":
        return {
          vi: "Tenant ở dòng đầu đúng, nhưng con số bên cạnh không phải số token của nó (đếm số lời gọi chăng?): cộng token đầu vào và đầu ra (`sum(input.inputTokenCount + output.outputTokenCount)`) theo `requestMetadata.tenant_id`, vì tenant gọi nhiều nhất chưa chắc là tenant dùng nhiều token nhất.",
          en: "The right tenant comes first, but the figure beside it is not its tokens (a count of calls?): add input and output tokens (`sum(input.inputTokenCount + output.outputTokenCount)`) by `requestMetadata.tenant_id`, since the tenant with the most calls need not be the one with the most tokens.",
        };
      case "not-sorted":
        return {
          vi: "Kết quả có tenant đúng nhưng không ở dòng đầu: sắp xếp theo tổng token giảm dần (`sort tokens desc`).",
          en: "Your results hold the right tenant, but not first: sort by the token total, descending (`sort tokens desc`).",
        };
      case "no-time-range":
        return {
          vi: `Dòng đầu là tenant lớn nhất của cả lịch sử. Chỉ tính từ lúc sự cố bắt đầu (${start}): đặt khoảng thời gian của truy vấn, hoặc \`filter @timestamp >= …\`.`,
          en: `Your first row is the busiest tenant of the whole history. Count only since the incident began (${start}): set the query's time range, or \`filter @timestamp >= …\`.`,
        };
      case "other-tenant":
        return {
          vi: "Dòng đầu là một tenant khác: cộng cả token đầu vào và đầu ra (`sum(input.inputTokenCount + output.outputTokenCount)`), nhóm theo `requestMetadata.tenant_id`, không đếm số lời gọi.",
          en: "Another tenant comes first: add input and output tokens (`sum(input.inputTokenCount + output.outputTokenCount)`) grouped by `requestMetadata.tenant_id`, rather than counting calls.",
        };
      case "none":
        return {
          vi: "Chạy một truy vấn Logs Insights trên log group của lời gọi model, nhóm theo `requestMetadata.tenant_id` và cộng token.",
          en: "Run a Logs Insights query over the invocation log group that groups by `requestMetadata.tenant_id` and adds up tokens.",
        };
    }
  },
};

export const THROTTLE_TEXTS = {
  expected: (start: string): Text => ({
    vi: `một truy vấn của bạn trả về thời điểm của lời gọi bị throttle đầu tiên kể từ ${start} (đến từng giây, hoặc bin 1 hay 5 phút chứa nó)`,
    en: `a query of yours that returns when the first throttled call since ${start} happened (to the second, or its 1- or 5-minute bin)`,
  }),
  passed: (at: string): Text => ({
    vi: `lời gọi bị throttle đầu tiên lúc ${at}`,
    en: `the first throttled call at ${at}`,
  }),
  actual: (n: number, shown: string | undefined): Text =>
    shown === undefined
      ? queries(n)
      : {
          vi: `${queries(n).vi}; thời điểm sớm nhất bạn tìm được là ${shown}`,
          en: `${queries(n).en}; the earliest time you found is ${shown}`,
        },
  hint: (reason: ThrottleMiss | "none", start: string): Text => {
    switch (reason) {
      case "before-incident":
        return {
          vi: `Thời điểm bạn tìm được có trước sự cố: vài lời gọi luôn bị throttle lác đác. Chỉ xét từ ${start} trở đi.`,
          en: `What you found is before the incident: a few calls are always throttled here and there. Look from ${start} on.`,
        };
      case "not-throttles":
        return {
          vi: 'Thời điểm sớm nhất không phải một lời gọi bị throttle: thêm `filter errorCode = "ThrottlingException"`.',
          en: 'Your earliest time is not a throttled call: add `filter errorCode = "ThrottlingException"`.',
        };
      case "hourly":
        return {
          vi: 'Các thời điểm của truy vấn đều là giờ tròn (bin(1h)?): hãy tìm lời gọi bị throttle đầu tiên đến từng phút — lọc `errorCode = "ThrottlingException"` rồi sắp xếp cũ nhất trước, hoặc dùng bin 1 hay 5 phút.',
          en: 'Your query\'s times are all whole hours (bin(1h)?): find the first throttled call to the minute — filter `errorCode = "ThrottlingException"` and sort oldest first, or bin by 1 or 5 minutes.',
        };
      case "late-window":
        return {
          vi: `Đó là một lời gọi bị throttle, nhưng khoảng thời gian của truy vấn bắt đầu sau lời gọi bị throttle đầu tiên: cho nó bắt đầu từ lúc sự cố bắt đầu (${start}) hoặc sớm hơn.`,
          en: `That is a throttled call, but your query's time range begins after the first one: start it at the incident's start (${start}) or earlier.`,
        };
      case "not-first":
        return {
          vi: "Đó là một lời gọi bị throttle, nhưng chưa phải lời gọi đầu tiên: sắp xếp tăng dần (`sort @timestamp asc | limit 1`) hoặc dùng `min(@timestamp)`.",
          en: "That is a throttled call, but not the first: sort oldest first (`sort @timestamp asc | limit 1`) or use `min(@timestamp)`.",
        };
      case "none":
        return {
          vi: 'Lọc các bản ghi có `errorCode = "ThrottlingException"` và tìm bản ghi sớm nhất.',
          en: 'Filter the records with `errorCode = "ThrottlingException"` and find the earliest.',
        };
    }
  },
};

export const ALARM_TEXTS = {
  expected: (start: string): Text => ({
    vi: `một CloudWatch alarm chuyển sang ALARM nhờ chính CloudWatch đánh giá dữ liệu, kể từ ${start}`,
    en: `a CloudWatch alarm that CloudWatch's own evaluation moved to ALARM since ${start}`,
  }),
  passed: (name: string, since: string): Text => ({
    vi: `alarm ${name} ở trạng thái ALARM từ ${since}`,
    en: `alarm ${name} in ALARM since ${since}`,
  }),
  actual: (reason: AlarmMiss, name: string | undefined): Text => {
    const n = name ?? "";
    switch (reason) {
      case "set-by-hand":
        return {
          vi: `${n} ở ALARM do SetAlarmState, không do đánh giá dữ liệu`,
          en: `${n} is in ALARM through SetAlarmState, not by evaluation`,
        };
      case "already-alarming":
        return {
          vi: `${n} cũng báo động với lưu lượng bình thường (trong giờ trước sự cố)`,
          en: `${n} also fires on ordinary traffic (in the hour before the incident)`,
        };
      case "not-evaluated":
        return {
          vi: `${n} ở INSUFFICIENT_DATA: CloudWatch chưa đánh giá nó lần nào`,
          en: `${n} is INSUFFICIENT_DATA: CloudWatch has not evaluated it yet`,
        };
      case "no-data":
        return {
          vi: `${n} ở INSUFFICIENT_DATA: metric của nó không có dữ liệu`,
          en: `${n} is INSUFFICIENT_DATA: its metric has no data`,
        };
      case "never-crossed":
        return { vi: `${n} vẫn OK: ngưỡng không bị vượt`, en: `${n} stays OK: its threshold is never crossed` };
      case "no-alarm":
        return { vi: "chưa có alarm nào", en: "no alarm yet" };
    }
  },
  hint: (reason: AlarmMiss, detail: string | undefined): Text => {
    switch (reason) {
      case "set-by-hand":
        return {
          vi: "SetAlarmState chỉ để thử thông báo; lần đánh giá sau sẽ trả trạng thái về như dữ liệu nói. Hãy chọn metric và ngưỡng mà sự cố thực sự vượt qua.",
          en: "SetAlarmState only tests notifications; the next evaluation puts the state back to what the data says. Pick a metric and threshold the incident really crosses.",
        };
      case "already-alarming":
        return {
          vi: "Alarm này kêu cả khi lưu lượng bình thường: nâng ngưỡng (hoặc tăng số datapoint cần vượt) để nó chỉ báo động khi có sự cố.",
          en: "This alarm fires on ordinary traffic too: raise the threshold (or the datapoints needed) so it fires only on the incident.",
        };
      case "not-evaluated":
        return {
          vi: "Metric của alarm có dữ liệu: alarm mới tạo ở INSUFFICIENT_DATA cho tới lần đánh giá đầu tiên của CloudWatch (khoảng một phút). Đợi một chút: genai-lab sẽ kiểm tra lại.",
          en: "The alarm's metric has data: a new alarm stays INSUFFICIENT_DATA until CloudWatch first evaluates it (about a minute). Give it a moment: genai-lab looks again.",
        };
      case "no-data":
        return {
          vi: `Metric mà alarm theo dõi không có dữ liệu — thường do dimension sai. Metric này có dữ liệu với: ${detail ?? "(không có)"}. ModelId của AWS/Bedrock là id của inference profile (ví dụ us.anthropic.claude-sonnet-4-6), không phải ARN.`,
          en: `The alarm's metric has no data — usually a wrong dimension. This metric has data for: ${detail ?? "(none)"}. AWS/Bedrock's ModelId is the inference profile id (e.g. us.anthropic.claude-sonnet-4-6), not its ARN.`,
        };
      case "never-crossed":
        return {
          vi: `Ngưỡng ${detail ?? ""} không bị vượt trong sự cố. Xem giá trị thật của metric trong lúc sự cố (GetMetricData hoặc dashboard) rồi đặt ngưỡng thấp hơn đỉnh đó; chu kỳ 1–5 phút.`,
          en: `The threshold ${detail ?? ""} is never crossed during the incident. Look at the metric's real values during the incident (GetMetricData or a dashboard) and set the threshold below that peak; use a 1–5 minute period.`,
        };
      case "no-alarm":
        return {
          vi: "Tạo một alarm, ví dụ trên InvocationThrottles (AWS/Bedrock, ModelId us.anthropic.claude-sonnet-4-6, Sum, chu kỳ 300 giây), ngưỡng cao hơn mức bình thường nhưng thấp hơn đỉnh của sự cố.",
          en: "Create an alarm, for example on InvocationThrottles (AWS/Bedrock, ModelId us.anthropic.claude-sonnet-4-6, Sum, 300-second period), with a threshold above ordinary levels but below the incident's peak.",
        };
    }
  },
};
