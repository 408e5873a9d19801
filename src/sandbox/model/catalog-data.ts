/**
 * The sandbox's Bedrock catalog: which foundation models exist in which Region, with which inference types, and
 * which system-defined (cross-Region) inference profiles route to them. Modelled on AWS's published tables and
 * on what GetFoundationModel / ListInferenceProfiles answer in late 2026; trimmed to the text models a lab needs.
 *
 * The teaching traps are deliberate and match AWS: the original lab's `anthropic.claude-3-5-sonnet-20241022-v2:0` is LEGACY
 * and, in us-east-1, callable only through `us.anthropic.claude-3-5-sonnet-20241022-v2:0`; the current Claude models
 * are INFERENCE_PROFILE-only everywhere; Amazon Nova is on demand in us-east-1 and through profiles elsewhere.
 */
import type { InferenceType, ModelSpec, ProfileGeo, ProfileSpec } from "./types.js";

const US = ["us-east-1", "us-east-2", "us-west-2"] as const;
const EU = ["eu-central-1", "eu-west-1", "eu-west-3", "eu-north-1"] as const;
const APAC = ["ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2"] as const;
const JP = ["ap-northeast-1", "ap-northeast-3"] as const;

/** Every Region the catalog answers for; elsewhere the model lists are empty, as in a Region without Bedrock. */
export const CATALOG_REGIONS: readonly string[] = [...new Set<string>([...US, ...EU, ...APAC, ...JP])];

/** Where `global.` profiles may route: AWS says "all commercial Regions"; the sandbox routes among these. */
const GLOBAL_DESTINATIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-2",
  "eu-central-1",
  "eu-west-1",
  "ap-northeast-1",
  "ap-southeast-2",
];

const GEO_REGIONS: Readonly<Record<ProfileGeo, readonly string[]>> = {
  us: US,
  eu: EU,
  apac: APAC,
  jp: JP,
  global: CATALOG_REGIONS,
};

/**
 * Builds a model's Region table: INFERENCE_PROFILE wherever one of its profiles can be called from (and routes to),
 * plus ON_DEMAND in the listed Regions.
 */
function regionsFor(geos: readonly ProfileGeo[], onDemand: readonly string[]): Record<string, InferenceType[]> {
  const table: Record<string, InferenceType[]> = {};
  const regions = new Set<string>([...geos.flatMap((geo) => GEO_REGIONS[geo]), ...onDemand]);
  for (const region of CATALOG_REGIONS) {
    if (!regions.has(region)) continue;
    const types: InferenceType[] = [];
    if (onDemand.includes(region)) types.push("ON_DEMAND");
    if (geos.some((geo) => GEO_REGIONS[geo].includes(region))) types.push("INFERENCE_PROFILE");
    table[region] = types;
  }
  return table;
}

interface Entry {
  spec: Omit<ModelSpec, "regions" | "inputModalities" | "outputModalities"> & { vision: boolean };
  geos: readonly ProfileGeo[];
  onDemand: readonly string[];
  /** ISO date the profiles were published. */
  profilesSince: string;
}

const ENTRIES: readonly Entry[] = [
  {
    spec: {
      modelId: "anthropic.claude-3-5-sonnet-20241022-v2:0",
      modelName: "Claude 3.5 Sonnet v2",
      providerName: "Anthropic",
      family: "anthropic",
      vendorModelName: "claude-3-5-sonnet-20241022",
      lifecycle: "LEGACY",
      vision: true,
      maxOutputTokens: 8192,
      latency: { baseMs: 600, perInputTokenMs: 0.08, perOutputTokenMs: 18 },
    },
    geos: ["us", "apac"],
    onDemand: ["us-west-2"],
    profilesSince: "2024-10-22T00:00:00Z",
  },
  {
    spec: {
      modelId: "anthropic.claude-3-5-sonnet-20240620-v1:0",
      modelName: "Claude 3.5 Sonnet",
      providerName: "Anthropic",
      family: "anthropic",
      vendorModelName: "claude-3-5-sonnet-20240620",
      lifecycle: "LEGACY",
      vision: true,
      maxOutputTokens: 8192,
      latency: { baseMs: 550, perInputTokenMs: 0.08, perOutputTokenMs: 17 },
    },
    geos: ["us", "eu", "apac"],
    onDemand: ["us-east-1", "us-west-2", "eu-central-1", "ap-northeast-1"],
    profilesSince: "2024-08-26T00:00:00Z",
  },
  {
    spec: {
      modelId: "anthropic.claude-3-haiku-20240307-v1:0",
      modelName: "Claude 3 Haiku",
      providerName: "Anthropic",
      family: "anthropic",
      vendorModelName: "claude-3-haiku-20240307",
      lifecycle: "LEGACY",
      vision: true,
      maxOutputTokens: 4096,
      latency: { baseMs: 250, perInputTokenMs: 0.03, perOutputTokenMs: 6 },
    },
    geos: ["us", "eu", "apac"],
    onDemand: ["us-east-1", "us-west-2", "eu-central-1", "ap-northeast-1", "ap-southeast-1"],
    profilesSince: "2024-08-26T00:00:00Z",
  },
  {
    spec: {
      modelId: "anthropic.claude-sonnet-4-20250514-v1:0",
      modelName: "Claude Sonnet 4",
      providerName: "Anthropic",
      family: "anthropic",
      vendorModelName: "claude-sonnet-4-20250514",
      lifecycle: "LEGACY",
      vision: true,
      maxOutputTokens: 64000,
      latency: { baseMs: 700, perInputTokenMs: 0.08, perOutputTokenMs: 16 },
    },
    geos: ["us", "eu", "apac", "global"],
    onDemand: [],
    profilesSince: "2025-05-22T00:00:00Z",
  },
  {
    spec: {
      modelId: "anthropic.claude-sonnet-4-5-20250929-v1:0",
      modelName: "Claude Sonnet 4.5",
      providerName: "Anthropic",
      family: "anthropic",
      vendorModelName: "claude-sonnet-4-5-20250929",
      lifecycle: "ACTIVE",
      vision: true,
      maxOutputTokens: 64000,
      latency: { baseMs: 750, perInputTokenMs: 0.08, perOutputTokenMs: 15 },
    },
    geos: ["us", "eu", "jp", "global"],
    onDemand: [],
    profilesSince: "2025-09-29T00:00:00Z",
  },
  {
    spec: {
      modelId: "anthropic.claude-haiku-4-5-20251001-v1:0",
      modelName: "Claude Haiku 4.5",
      providerName: "Anthropic",
      family: "anthropic",
      vendorModelName: "claude-haiku-4-5-20251001",
      lifecycle: "ACTIVE",
      vision: true,
      maxOutputTokens: 64000,
      latency: { baseMs: 350, perInputTokenMs: 0.04, perOutputTokenMs: 7 },
    },
    geos: ["us", "eu", "jp", "global"],
    onDemand: [],
    profilesSince: "2025-10-15T00:00:00Z",
  },
  {
    spec: {
      modelId: "anthropic.claude-sonnet-4-6",
      modelName: "Claude Sonnet 4.6",
      providerName: "Anthropic",
      family: "anthropic",
      vendorModelName: "claude-sonnet-4-6",
      lifecycle: "ACTIVE",
      vision: true,
      maxOutputTokens: 64000,
      latency: { baseMs: 700, perInputTokenMs: 0.07, perOutputTokenMs: 14 },
    },
    geos: ["us", "eu", "jp", "global"],
    onDemand: [],
    profilesSince: "2026-02-17T00:00:00Z",
  },
  ...(["micro", "lite", "pro"] as const).map((size): Entry => ({
    spec: {
      modelId: `amazon.nova-${size}-v1:0`,
      modelName: `Nova ${size[0]?.toUpperCase() ?? ""}${size.slice(1)}`,
      providerName: "Amazon",
      family: "nova",
      vendorModelName: `nova-${size}`,
      lifecycle: "ACTIVE",
      vision: size !== "micro",
      maxOutputTokens: 10000,
      latency: {
        micro: { baseMs: 180, perInputTokenMs: 0.02, perOutputTokenMs: 3 },
        lite: { baseMs: 220, perInputTokenMs: 0.03, perOutputTokenMs: 4 },
        pro: { baseMs: 350, perInputTokenMs: 0.05, perOutputTokenMs: 9 },
      }[size],
    },
    geos: ["us", "eu", "apac"],
    onDemand: ["us-east-1"],
    profilesSince: "2024-12-03T00:00:00Z",
  })),
];

export const MODEL_SPECS: readonly ModelSpec[] = ENTRIES.map(({ spec, geos, onDemand }) => {
  const { vision, ...rest } = spec;
  return {
    ...rest,
    inputModalities: vision ? ["TEXT", "IMAGE"] : ["TEXT"],
    outputModalities: ["TEXT"],
    regions: regionsFor(geos, onDemand),
  };
});

export const PROFILE_SPECS: readonly ProfileSpec[] = ENTRIES.flatMap(({ spec, geos, profilesSince }) =>
  geos.map((geo): ProfileSpec => ({
    geo,
    modelId: spec.modelId,
    sourceRegions: GEO_REGIONS[geo],
    destinationRegions: geo === "global" ? GLOBAL_DESTINATIONS : GEO_REGIONS[geo],
    createdAt: profilesSince,
  })),
);
