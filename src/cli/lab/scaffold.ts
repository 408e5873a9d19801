/**
 * `genai-lab lab new DIR`: a small lab that works as it is (two steps on CloudWatch Logs, Vietnamese and English),
 * to be changed into the author's own. It passes `genai-lab lab check DIR` and runs with `genai-lab run --lab DIR`
 * on the sandbox, with no build step and no node_modules in DIR.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { packageRoot } from "../../engine/install.js";
import { UsageError } from "../../engine/usage-error.js";

const CLIENTS = `/** The AWS clients the steps use as ctx.aws.NAME (loaded with the steps, never for the manifest alone). */
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { awsClient, type AwsClientsOf } from "genai-lab/kit";

export const clients = { logs: awsClient(CloudWatchLogsClient) };
export type Aws = AwsClientsOf<typeof clients>;
`;

const LAB = `/**
 * The manifest: what the lab is, its parameters (each one can be changed with --param NAME=VALUE) and the checklist
 * that grades it. Its AWS clients are in clients.ts.
 */
import { defineLab } from "genai-lab/kit";

export type { Aws } from "./clients.js";

export const parameters = {
  region: "us-east-1",
  logGroupName: "/genai-lab/my-first-lab",
  message: "Hello from my first lab",
};
export type Params = typeof parameters;

export const lab = defineLab<Params>({
  id: "my-first-lab",
  title: { vi: "Bài lab đầu tiên của tôi", en: "My first lab" },
  goal: {
    vi: "Tạo một log group trong CloudWatch Logs rồi ghi vào đó một bản ghi log.",
    en: "Create a CloudWatch Logs log group, then write a log event to it.",
  },
  durationMinutes: 5,
  examDomain: { vi: "Không có", en: "None" },
  prerequisites: [{ vi: "Không cần gì: chạy được trên sandbox.", en: "Nothing: it runs on the sandbox." }],
  parameters,
  checklist: [{ id: "log-group-exists" }, { id: "log-event-written" }],
});
`;

const STEP_1 = `/** Step 1: create the log group. Its page is body.vi.md / body.en.md beside this file. */
import { CreateLogGroupCommand, DescribeLogGroupsCommand } from "@aws-sdk/client-cloudwatch-logs";
import { defineStep, shq, type CheckContext, type ValueContext } from "genai-lab/kit";
import type { Aws, Params } from "../lab.js";

/** The command a learner types: on the page ({{createCli}}), in Your turn, and beside the action. */
const createLine = (ctx: ValueContext<Params>) =>
  \`aws logs create-log-group --log-group-name \${shq(ctx.params.logGroupName)} --region \${ctx.target.region}\`;

async function groupExists(ctx: CheckContext<Params, Aws>): Promise<boolean> {
  const out = await ctx.aws.logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: ctx.params.logGroupName }));
  return (out.logGroups ?? []).some((group) => group.logGroupName === ctx.params.logGroupName);
}

export const step = defineStep<Params, Aws>({
  id: "create-log-group",
  title: { vi: "Tạo log group", en: "Create the log group" },
  values: { createCli: createLine },
  yourTurn: { cli: createLine },
  actions: [
    {
      id: "create",
      title: { vi: "Tạo log group", en: "Create the log group" },
      cli: createLine,
      async run(ctx) {
        if (await groupExists(ctx)) {
          return { status: "skipped", summary: { vi: "Log group đã có sẵn", en: "The log group was already there" } };
        }
        // The ledger remembers what the lab created, before and after the call, so that cleanup can find it.
        await ctx.ledger.track({ type: "log-group", name: ctx.params.logGroupName }, () =>
          ctx.aws.logs.send(new CreateLogGroupCommand({ logGroupName: ctx.params.logGroupName })),
        );
        return { summary: { vi: "Đã tạo log group", en: "Log group created" } };
      },
    },
  ],
  checks: [
    {
      id: "log-group-exists",
      label: { vi: "Log group đã được tạo", en: "The log group exists" },
      async run(ctx) {
        const evidence = { expected: ctx.params.logGroupName, actual: "" };
        if (await groupExists(ctx)) return { status: "pass", evidence: { ...evidence, actual: ctx.params.logGroupName } };
        return {
          status: "fail",
          evidence: { ...evidence, actual: { vi: "không có log group này", en: "no such log group" } },
          hint: { vi: "Chạy bước 1, hoặc lệnh CLI trong trang của bước.", en: "Run step 1, or the CLI line on its page." },
        };
      },
    },
  ],
  hints: [{ vi: "Đúng Region chưa? Log group thuộc về một Region.", en: "Right Region? A log group lives in one." }],
});
`;

const STEP_2 = `/** Step 2: write one log event, then find it again. A typed fact carries the stream's name between the two. */
import {
  CreateLogStreamCommand,
  FilterLogEventsCommand,
  PutLogEventsCommand,
} from "@aws-sdk/client-cloudwatch-logs";
import { defineFact, defineStep, shq, z, type ValueContext } from "genai-lab/kit";
import type { Aws, Params } from "../lab.js";

/** Where step 2 wrote: validated when written and when read back. */
const STREAM = defineFact("stream", z.string());
const STREAM_NAME = "my-first-stream";

const putLine = (ctx: ValueContext<Params>) =>
  \`aws logs put-log-events --log-group-name \${shq(ctx.params.logGroupName)} --log-stream-name \${STREAM_NAME} \` +
  \`--log-events timestamp=$(date +%s000),message=\${shq(ctx.params.message)}\`;

export const step = defineStep<Params, Aws>({
  id: "write-log-event",
  title: { vi: "Ghi một bản ghi log", en: "Write a log event" },
  values: {
    stream: (ctx) => STREAM.get(ctx) ?? { vi: "(chưa ghi)", en: "(not written yet)" },
    putCli: putLine,
  },
  yourTurn: { cli: putLine },
  actions: [
    {
      id: "put",
      title: { vi: "Ghi bản ghi log", en: "Put the log event" },
      cli: putLine,
      async run(ctx) {
        const group = ctx.params.logGroupName;
        await ctx.aws.logs
          .send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: STREAM_NAME }))
          .catch((error: Error) => {
            if (error.name !== "ResourceAlreadyExistsException") throw error;
          });
        await ctx.aws.logs.send(
          new PutLogEventsCommand({
            logGroupName: group,
            logStreamName: STREAM_NAME,
            logEvents: [{ timestamp: ctx.clock.now(), message: ctx.params.message }],
          }),
        );
        STREAM.set(ctx, STREAM_NAME);
        return { summary: { vi: "Đã ghi bản ghi log", en: "Log event written" } };
      },
    },
  ],
  checks: [
    {
      id: "log-event-written",
      label: { vi: "Có bản ghi log với nội dung của bài lab", en: "A log event with the lab's message exists" },
      async run(ctx) {
        const found = await ctx.aws.logs
          .send(new FilterLogEventsCommand({ logGroupName: ctx.params.logGroupName }))
          .then((out) => (out.events ?? []).some((event) => event.message === ctx.params.message))
          .catch(() => false);
        const evidence = { expected: ctx.params.message, actual: found ? ctx.params.message : "—" };
        return found
          ? { status: "pass", evidence }
          : {
              status: "fail",
              evidence,
              hint: { vi: "Chạy bước 2 sau bước 1.", en: "Run step 2 after step 1." },
            };
      },
    },
  ],
  hints: [{ vi: "Log group phải có trước (bước 1).", en: "The log group must exist first (step 1)." }],
});
`;

const FILES: Record<string, string> = {
  "lab.ts": LAB,
  "clients.ts": CLIENTS,
  "01-create-log-group/step.ts": STEP_1,
  "01-create-log-group/body.vi.md": `Bước này tạo log group \`{{params.logGroupName}}\` trong CloudWatch Logs, ở {{target.region}}.

**Bằng CLI:**

\`\`\`bash
{{createCli}}
\`\`\`

Tài liệu: [CloudWatch Logs](https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/WhatIsCloudWatchLogs.html)
`,
  "01-create-log-group/body.en.md": `This step creates the log group \`{{params.logGroupName}}\` in CloudWatch Logs, in {{target.region}}.

**With the CLI:**

\`\`\`bash
{{createCli}}
\`\`\`

Docs: [CloudWatch Logs](https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/WhatIsCloudWatchLogs.html)
`,
  "01-create-log-group/your-turn.vi.md": `## task

Tự tạo log group \`{{params.logGroupName}}\`.

## console

CloudWatch → **Log groups** → **Create log group**.
`,
  "01-create-log-group/your-turn.en.md": `## task

Create the log group \`{{params.logGroupName}}\` yourself.

## console

CloudWatch → **Log groups** → **Create log group**.
`,
  "02-write-log-event/step.ts": STEP_2,
  "02-write-log-event/body.vi.md": `Bước này ghi bản ghi "{{params.message}}" vào log group \`{{params.logGroupName}}\`. Log stream đã ghi: {{stream}}.

**Bằng CLI** (cần một log stream có sẵn):

\`\`\`bash
{{putCli}}
\`\`\`
`,
  "02-write-log-event/body.en.md": `This step writes the event "{{params.message}}" to the log group \`{{params.logGroupName}}\`. Stream written: {{stream}}.

**With the CLI** (it needs an existing log stream):

\`\`\`bash
{{putCli}}
\`\`\`
`,
};

/** Writes the lab into `dir` (new or empty); returns the files written, relative to it. */
export function scaffoldLab(dir: string): string[] {
  const root = resolve(dir);
  if (existsSync(root) && readdirSync(root).length > 0) {
    throw new UsageError({
      vi: `lab new: thư mục ${dir} không trống; chọn một thư mục mới.`,
      en: `lab new: ${dir} is not empty; choose a new folder.`,
    });
  }
  const files = { ...FILES, "tsconfig.json": tsconfig() };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, name)), { recursive: true });
    writeFileSync(join(root, name), content);
  }
  return Object.keys(files).map((name) => relative(root, join(root, name)));
}

/** For the author's editor only (genai-lab needs no build): the kit's and the SDK's types from this install. */
function tsconfig(): string {
  const home = packageRoot();
  const config = {
    compilerOptions: {
      target: "ES2023",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      paths: {
        "genai-lab/kit": [join(home, "dist/src/kit/index.d.ts")],
        "@aws-sdk/*": [join(home, "node_modules/@aws-sdk/*")],
        zod: [join(home, "node_modules/zod")],
      },
    },
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}
