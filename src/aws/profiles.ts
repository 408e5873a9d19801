/**
 * Does a named AWS profile exist? Read the way the SDK and the AWS CLI read them (the SDK's own loader): the config
 * file (AWS_CONFIG_FILE, else ~/.aws/config, `[profile name]` sections) and the credentials file
 * (AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials, `[name]` sections). Asked before any client is built, so
 * a misspelt --profile is named as such — with the files read and the profiles found — and nothing is sent.
 */
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { loadSharedConfigFiles } from "@smithy/core/config";

export interface ProfileLookup {
  exists: boolean;
  /** The files read, each with whether it was there. */
  files: { path: string; present: boolean }[];
  /** Every profile named in them, sorted. */
  profiles: string[];
}

export async function lookUpProfile(profile: string, env: NodeJS.ProcessEnv): Promise<ProfileLookup> {
  const home = env.HOME || env.USERPROFILE || homedir();
  const configFilepath = env.AWS_CONFIG_FILE || join(home, ".aws", "config");
  const filepath = env.AWS_SHARED_CREDENTIALS_FILE || join(home, ".aws", "credentials");
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ filepath, configFilepath, ignoreCache: true });
  // The config file also holds `[sso-session x]` and `[services x]` sections: the loader keys them "sso-session.x".
  const names = [...Object.keys(configFile), ...Object.keys(credentialsFile)].filter((name) => !name.includes("."));
  const profiles = [...new Set(names)].sort();
  return {
    exists: profiles.includes(profile),
    files: [configFilepath, filepath].map((path) => ({ path, present: existsSync(path) })),
    profiles,
  };
}
