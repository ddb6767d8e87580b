// Type-checked only (tsc -p ci/consumer in the round trip): the library's types as a consumer sees them.
import {
  type ConformanceOptions,
  type ConformanceResult,
  type MockServer,
  type Profile,
  parseProfile,
  runConformance,
  startMock,
} from "idme-services-v2-conformance";

export async function sdkTests(): Promise<string> {
  const mock: MockServer = await startMock({ port: 0, faults: [] });
  const token: string = mock.tokens.primary;
  await mock.close();
  return `${mock.baseUrl} ${token}`;
}

export async function gate(): Promise<number> {
  const options: ConformanceOptions = {
    target: "https://services.idmelabs.com",
    profile: "sandbox.yaml",
    budget: 200,
    shard: { index: 1, count: 3 },
  };
  const r: ConformanceResult = await runConformance(options);
  const failedMust: string[] = r.requirements.filter((q) => q.level === "MUST" && q.result === "fail").map((q) => q.id);
  return failedMust.length ? 1 : r.exitCode;
}

export const profile: Profile = parseProfile("name: mine\ncredentials: { primary: IDME_TOKEN_PRIMARY }\n", "mine.yaml");
// @ts-expect-error the profile's credentials name variables; a role maps to a string, not a number
export const wrong: Profile["credentials"] = { primary: 1 };
