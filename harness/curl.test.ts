import { expect, test } from "vitest";
import { toCurl } from "./curl.js";

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

test("toCurl lists multipart files with their names and sizes", () => {
  const line = toCurl({
    method: "POST",
    url: "http://h/api/v2/document/passport/verify",
    headers: {},
    parts: [
      { name: "front_image", filename: "success.jpg", contentType: "image/jpeg", bytes: 46080 },
      { name: "metadata", value: "{}" },
    ],
  });
  expect(line).toContain("-F 'front_image=@front_image.bin;filename=success.jpg;type=image/jpeg'");
  expect(line).toContain("-F 'metadata={}'");
  expect(line).toContain("front_image.bin: 46080 bytes");
});
