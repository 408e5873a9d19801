/**
 * genai-lab's kit: everything a lab imports, from one place (`import { defineStep } from "genai-lab/kit"`). A lab —
 * the built-in one in steps/ or one in a folder of its own — imports this module, its own files, Node's built-ins,
 * the AWS SDK clients and zod; nothing else of genai-lab. docs/authoring.md explains how a lab is put together.
 */
export {
  defineLab,
  defineStep,
  type Action,
  type ActionContext,
  type ActionResult,
  type AwsClientSpec,
  type Check,
  type CheckContext,
  type CheckResult,
  type ConfirmRequest,
  type DoneBy,
  type ErrorKind,
  type Evidence,
  type FactsReader,
  type FactsStore,
  type JsonValue,
  type LabManifest,
  type LabNotes,
  type LabParams,
  type Ledger,
  type LedgerEntry,
  type LedgerReader,
  type LedgerResource,
  type Reporter,
  type Step,
  type StepValues,
  type StreamProgress,
  type TargetInfo,
  type TargetKind,
  type ValueContext,
  type YourTurn,
} from "../engine/contract.js";
export type { Cell, ChartAlarm, ChartSeries, Output, TableColumn } from "../engine/outputs.js";
export type { PollOptions, PollProbe, PollResult } from "../engine/poll.js";
export { StepFailure, type Problem, type ProblemKind } from "../engine/problem.js";
export { fill, same, tr, type Lang, type Text } from "../engine/text.js";
export { classifyAwsError } from "../aws/classify.js";
export { canonicalJson } from "../report/canonical.js";
export { awsClient, type AwsClientsOf } from "./clients.js";
export { defineFact, type Fact, type FactValue } from "./facts.js";
export { isOwned, ownedEntries, ownedEntry } from "./ledger.js";
export { json, kv, table } from "./outputs.js";
export { enCount, shq } from "./words.js";
export { plainProse } from "../engine/prose.js";
export { z } from "zod";
