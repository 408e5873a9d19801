/**
 * The invocation log group: Bedrock does not create it, so the lab does (tagged, with a retention policy) — or
 * reuses one that is already there without changing it, unless the lab created it earlier (the ledger says so).
 */
import { kv, type Text } from "genai-lab/kit";
import {
  CreateLogGroupCommand,
  ListTagsForResourceCommand,
  PutRetentionPolicyCommand,
  paginateDescribeLogGroups,
  type LogGroup,
} from "@aws-sdk/client-cloudwatch-logs";
import { LAB_TAG } from "../lab.js";
import { ifExists, isAlreadyExists } from "./errors.js";
import { isLabTagged, ownedEntry } from "./ledger.js";
import type { ActCtx, ReadCtx } from "./model.js";
import { logGroupArn } from "./policies.js";

export async function findLogGroup(ctx: ReadCtx, name: string): Promise<LogGroup | undefined> {
  const pages = paginateDescribeLogGroups({ client: ctx.aws.logs }, { logGroupNamePrefix: name });
  for await (const page of pages) {
    const found = (page.logGroups ?? []).find((group) => group.logGroupName === name);
    if (found) return found;
  }
  return undefined;
}

export async function ensureLogGroup(ctx: ActCtx): Promise<Text> {
  const name = ctx.params.logGroupName;
  const arn = logGroupArn(ctx.target, name);
  const existing = await findLogGroup(ctx, name);
  const owned = ownedEntry(ctx, "log-group", name) ?? (existing && (await labTagged(ctx, arn)));
  if (existing && !owned) {
    ctx.report.output(
      kv({ vi: "Log group có sẵn", en: "Existing log group" }, [
        [{ vi: "Tên", en: "Name" }, name],
        [{ vi: "Lưu giữ (ngày)", en: "Retention (days)" }, String(existing.retentionInDays ?? "∞")],
      ]),
    );
    ctx.report.note("info", {
      vi: "Log group này đã có từ trước, không do bài lab tạo: bài lab dùng lại nguyên trạng và sẽ không xoá nó khi dọn dẹp.",
      en: "This log group was already there and was not created by the lab: the lab reuses it as is and will not delete it at cleanup.",
    });
    return { vi: "Dùng lại log group có sẵn", en: "Existing log group reused" };
  }
  // Tracked even when it already exists but the ledger owns it: re-tracking marks an interrupted create as done.
  await ctx.ledger.track({ type: "log-group", name, arn }, async () => {
    if (existing) return;
    try {
      await ctx.aws.logs.send(
        new CreateLogGroupCommand({ logGroupName: name, tags: { [LAB_TAG.key]: LAB_TAG.value } }),
        {
          abortSignal: ctx.signal,
        },
      );
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  });
  await ctx.aws.logs.send(
    new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays: ctx.params.logRetentionDays }),
    { abortSignal: ctx.signal },
  );
  ctx.report.output(
    kv({ vi: "Log group", en: "Log group" }, [
      [{ vi: "Tên", en: "Name" }, name],
      [{ vi: "ARN", en: "ARN" }, arn],
      [{ vi: "Lưu giữ (ngày)", en: "Retention (days)" }, String(ctx.params.logRetentionDays)],
      [{ vi: "Tag", en: "Tag" }, `${LAB_TAG.key}=${LAB_TAG.value}`],
    ]),
  );
  return existing
    ? { vi: "Log group của bài lab đã có sẵn", en: "The lab's log group is already there" }
    : { vi: "Đã tạo log group", en: "Log group created" };
}

/** The log group carries the lab's tag: the lab created it (before a reset that forgot the ledger). */
async function labTagged(ctx: ReadCtx, arn: string): Promise<boolean> {
  const out = await ifExists(() =>
    ctx.aws.logs.send(new ListTagsForResourceCommand({ resourceArn: arn }), { abortSignal: ctx.signal }),
  );
  return isLabTagged(out?.tags);
}
