import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { fileCommand, toCurl } from "./curl.js";

test("toCurl reproduces a JSON request with the token as a shell variable", () => {
  const line = toCurl({
    method: "POST",
    url: "http://127.0.0.1:4010/api/v2/telecom/possession/sms/send",
    headers: { Authorization: "Bearer ID.me c2VjcmV0", "Content-Type": "application/json" },
    json: { phone: "it's" },
  });
  expect(line).toContain(`-H "Authorization: Bearer ID.me $IDME_TOKEN"`);
  expect(line).not.toContain("c2VjcmV0");
  expect(line).toContain(`--data-raw '{"phone":"it'\\''s"}'`);
});

test("toCurl first writes each file it uploads: its size, its signature, then zeros", () => {
  const line = toCurl({
    method: "POST",
    url: "http://h/api/v2/document/passport/verify",
    headers: {},
    parts: [
      {
        name: "front_image",
        filename: "success.jpg",
        contentType: "image/jpeg",
        bytes: 46080,
        head: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      },
      { name: "metadata", value: "{}" },
    ],
  });
  expect(line).toMatch(/^\{ printf '\\377\\330\\377\\340'; head -c 46076 \/dev\/zero; \} > front_image\.bin && curl /);
  expect(line).toContain("-F 'front_image=@front_image.bin;filename=success.jpg;type=image/jpeg'");
  expect(line).toContain("-F 'metadata={}'");
});

test.skipIf(process.platform === "win32")("the file command writes what the suite sent, as a shell runs it", () => {
  const dir = mkdtempSync(join(tmpdir(), "idme-curl-"));
  try {
    const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x25, 0x5c, 0x27]); // PNG, then NUL, %, \\ and '
    const r = spawnSync("sh", ["-c", fileCommand("f.bin", 40961, head)], { cwd: dir });
    expect(r.status, String(r.stderr)).toBe(0);
    const written = readFileSync(join(dir, "f.bin"));
    expect(written.length).toBe(40961);
    expect(written.subarray(0, head.length)).toEqual(head);
    expect(written.subarray(head.length).every((b) => b === 0)).toBe(true);
    spawnSync("sh", ["-c", fileCommand("tiny.bin", 3, head)], { cwd: dir });
    expect(readFileSync(join(dir, "tiny.bin"))).toEqual(head.subarray(0, 3));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
