import { expect, test } from "vitest";
import { reportedPath } from "./reported-path.js";

const at = { suiteRoot: "/opt/suite", workDir: "/home/u/project" };

test("the reports name a profile without a path of the machine that ran it", () => {
  expect(reportedPath("/opt/suite/profiles/sandbox.yaml", at)).toBe("profiles/sandbox.yaml");
  expect(reportedPath("/home/u/project/targets/staging.yaml", at)).toBe("targets/staging.yaml");
  expect(reportedPath("/tmp/audit-user/p/good.yaml", at)).toBe("good.yaml");
  // A folder beside the working folder that starts with its name is outside it.
  expect(reportedPath("/home/u/project-old/p.yaml", at)).toBe("p.yaml");
  expect(reportedPath("-", at)).toBe("(standard input)");
});

test("the suite's own profiles keep their suite-relative name from any working folder inside it", () => {
  expect(reportedPath("/opt/suite/profiles/mock.yaml", { suiteRoot: "/opt/suite", workDir: "/opt/suite/sub" })).toBe("profiles/mock.yaml");
  expect(reportedPath("/opt/suite/profiles/mock.yaml", { suiteRoot: "/elsewhere", workDir: "/opt" })).toBe("suite/profiles/mock.yaml");
});
