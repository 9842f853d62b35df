// An attempt's id follows from what identifies it (customer, definition, subject), so every
// event can name its attempt before the attempt row exists, and concurrent batches for the
// same subject meet on one row instead of racing to create two.
import { createHash } from "node:crypto";

export function attemptIdFor(customerId: string, definitionId: string, subject: string): string {
  const bytes = createHash("sha256").update(`${customerId}\n${definitionId}\n${subject}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // RFC 9562 version 8: a name-based id of our own
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
