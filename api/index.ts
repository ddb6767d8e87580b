/**
 * The package's public API (package.json `exports`): everything else in dist/ is internal and may change
 * in any release. See README, "Use as a library".
 */
import { join } from "node:path";
import { packageRoot } from "../lib/paths.js";
import { suiteFacts } from "../run/suite-facts.js";

export { type MockFixtures, type MockServer, type MockServerOptions, type Role, startMock } from "./mock.js";
export {
  type ArtifactPaths,
  type Certification,
  type ConformanceOptions,
  type ConformanceResult,
  type ReqResult,
  type RequirementRow,
  type RunVerdict,
  runConformance,
} from "./run.js";
export { type LoadedProfile, loadProfile, type Profile, ProfileError, parseProfile } from "../run/profile.js";
/** What startMock throws for a fixtures file or object that breaks profiles/mock-fixtures.schema.json (every problem listed). */
export { FixturesError } from "../mock/fixtures-file.js";

/** The suite's version (package.json): a new MUST requirement is a major release (CHANGELOG.md). */
export const version: string = suiteFacts().version;

/** Absolute path of the profile JSON Schema (also importable as `idme-services-v2-conformance/profile.schema.json`). */
export const profileSchemaPath: string = join(packageRoot, "profiles", "profile.schema.json");
