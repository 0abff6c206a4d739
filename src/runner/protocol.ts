/**
 * Jupyter messaging protocol 5.3: the wire format of one message and its HMAC-SHA256 signature.
 *
 * A message on a ZeroMQ socket is the frames
 * `[...routing ids, "<IDS|MSG>", signature, header, parent_header, metadata, content, ...buffers]`
 * where the signature is the hex HMAC of the four JSON frames under the connection key.
 * Reference: https://jupyter-client.readthedocs.io/en/latest/messaging.html#the-wire-protocol
 * (jupyter_client's `Session.serialize` / `Session.deserialize` do the same).
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

export const PROTOCOL_VERSION = "5.3";
const DELIMITER = "<IDS|MSG>";

export interface MessageHeader {
  readonly msg_id: string;
  readonly msg_type: string;
  readonly session: string;
  readonly username: string;
  readonly date: string;
  readonly version: string;
}

export interface Message {
  readonly header: MessageHeader;
  readonly parent_header: Partial<MessageHeader>;
  readonly metadata: Record<string, unknown>;
  readonly content: Record<string, any>;
}

/** Hex HMAC-SHA256 of the JSON frames, as jupyter_client's `Session.sign`. */
export function sign(key: string, frames: readonly (string | Buffer)[]): string {
  const hmac = createHmac("sha256", key);
  for (const frame of frames) hmac.update(frame);
  return hmac.digest("hex");
}

/** A new request message from this client's session. */
export function createMessage(
  msgType: string,
  content: Record<string, unknown>,
  session: string,
): Message {
  return {
    header: {
      msg_id: randomUUID(),
      msg_type: msgType,
      session,
      username: "reproduce",
      date: new Date().toISOString(),
      version: PROTOCOL_VERSION,
    },
    parent_header: {},
    metadata: {},
    content,
  };
}

/** The frames to send for `message` (a DEALER socket adds no routing ids). */
export function encodeMessage(key: string, message: Message): string[] {
  const body = [
    JSON.stringify(message.header),
    JSON.stringify(message.parent_header),
    JSON.stringify(message.metadata),
    JSON.stringify(message.content),
  ];
  return [DELIMITER, sign(key, body), ...body];
}

/**
 * Parse received frames, skipping routing ids up to the delimiter, and check the signature.
 * Throws when the delimiter is missing or the signature does not match.
 */
export function decodeMessage(key: string, frames: readonly Buffer[]): Message {
  const at = frames.findIndex((frame) => frame.toString("latin1") === DELIMITER);
  if (at < 0 || frames.length < at + 6) {
    throw new Error(`malformed Jupyter message: ${frames.length} frames, delimiter at ${at}`);
  }
  const signature = frames[at + 1].toString("latin1");
  const body = frames.slice(at + 2, at + 6);
  const expected = sign(key, body);
  if (
    signature.length !== expected.length ||
    !timingSafeEqual(Buffer.from(signature), Buffer.from(expected))
  ) {
    throw new Error("Jupyter message with an invalid HMAC signature");
  }
  const [header, parent, metadata, content] = body.map((frame) => JSON.parse(frame.toString("utf8")));
  return { header, parent_header: parent, metadata, content };
}
