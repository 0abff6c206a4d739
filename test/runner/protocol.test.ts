// The wire format against jupyter_client's Session (fixtures/session.json, written by
// test/runner/fixtures/jupyter_reference.py).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createMessage, decodeMessage, encodeMessage, sign } from "../../src/runner/protocol.js";

const reference = JSON.parse(readFileSync("test/runner/fixtures/session.json", "utf8")) as {
  key: string;
  messages: { msg_type: string; frames: string[]; content: Record<string, unknown> }[];
};
const buffers = (frames: string[]) => frames.map((f) => Buffer.from(f, "utf8"));

describe("Jupyter wire protocol", () => {
  it("signs as jupyter_client's Session does (HMAC-SHA256 of the four JSON frames)", () => {
    for (const m of reference.messages) {
      expect(sign(reference.key, buffers(m.frames.slice(2)))).toBe(m.frames[1]);
    }
  });

  it("decodes messages signed by jupyter_client, non-ASCII code included", () => {
    for (const m of reference.messages) {
      const msg = decodeMessage(reference.key, buffers(m.frames));
      expect(msg.header.msg_type).toBe(m.msg_type);
      expect(msg.header.version).toBe("5.3");
      expect(msg.content).toEqual(m.content);
    }
  });

  it("skips routing identities before the delimiter", () => {
    const m = reference.messages[1];
    const msg = decodeMessage(reference.key, [Buffer.from("identity-1"), Buffer.from("identity-2"), ...buffers(m.frames)]);
    expect(msg.content.code).toContain("é ✓");
  });

  it("rejects a wrong key, a tampered frame and a missing delimiter", () => {
    const m = reference.messages[1];
    expect(() => decodeMessage("another key", buffers(m.frames))).toThrow(/invalid HMAC/);
    const tampered = [...m.frames];
    tampered[5] = tampered[5].replace("x + 1", "x + 2");
    expect(() => decodeMessage(reference.key, buffers(tampered))).toThrow(/invalid HMAC/);
    expect(() => decodeMessage(reference.key, buffers(m.frames.slice(1)))).toThrow(/malformed/);
  });

  it("encodes what it decodes", () => {
    const msg = createMessage("execute_request", { code: "1 + 1", silent: false }, "session-a");
    const frames = encodeMessage("k3y", msg);
    expect(frames[0]).toBe("<IDS|MSG>");
    expect(decodeMessage("k3y", buffers(frames))).toEqual(msg);
  });
});
