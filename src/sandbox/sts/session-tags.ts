/**
 * AssumeRole's session tags, checked as STS checks them (recorded by LocalStack: tests/aws/services/sts/
 * test_sts.snapshot.json, test_assume_role_tag_validation and test_iam_role_chaining_override_transitive_tags):
 * - tag keys are case-insensitive, so two keys differing only in case are duplicates;
 * - every transitive tag key must be one of the requested tags (compared case-insensitively);
 * - a chained session cannot set a tag whose key is transitive in the calling session.
 * Transitive tags pass on to the new session.
 */
import { AwsError } from "../errors.js";
import { TAG_KEY } from "../iam/common.js";
import { readTags } from "../iam/common.js";
import type { InputReader } from "../validate/input.js";

export type TagMap = Record<string, string>;

const invalidValue = (message: string): AwsError => new AwsError("InvalidParameterValue", message);

export interface SessionTags {
  tags: { Key: string; Value: string }[];
  transitiveKeys: string[];
}

export function readSessionTags(r: InputReader): SessionTags {
  return {
    tags: readTags(r, false) ?? [],
    transitiveKeys: r.stringList("TransitiveTagKeys", { max: 50, item: TAG_KEY }) ?? [],
  };
}

/** Checks the request's tags against each other and against the caller's transitive tags; the new transitive set. */
export function sessionTransitiveTags(requested: SessionTags, inherited: TagMap): TagMap {
  const keys = requested.tags.map((t) => t.Key.toLowerCase());
  if (new Set(keys).size !== keys.length) {
    throw invalidValue("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
  }
  if (requested.transitiveKeys.some((key) => !keys.includes(key.toLowerCase()))) {
    throw invalidValue("The specified transitive tag key must be included in the requested tags.");
  }
  const inheritedKeys = Object.keys(inherited).map((k) => k.toLowerCase());
  if (keys.some((key) => inheritedKeys.includes(key))) {
    throw invalidValue(
      "One of the specified transitive tag keys can't be set because it conflicts with a transitive tag key from the calling session.",
    );
  }
  const out: TagMap = { ...inherited };
  const wanted = requested.transitiveKeys.map((k) => k.toLowerCase());
  for (const tag of requested.tags) if (wanted.includes(tag.Key.toLowerCase())) out[tag.Key] = tag.Value;
  return out;
}

/** Whether the request passes session tags at all (then the trust policy must allow sts:TagSession). */
export const tagsSession = (requested: SessionTags, inherited: TagMap): boolean =>
  requested.tags.length > 0 || requested.transitiveKeys.length > 0 || Object.keys(inherited).length > 0;
