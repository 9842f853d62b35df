// The text of a PDF that pdfkit wrote, line by line (its TJ operators), for tests that read
// what a document says. No server imports: the end-to-end tests read downloads with it too.
import { inflateSync } from "node:zlib";

export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString("latin1");
  const lines: string[] = [];
  // pdfkit writes "stream\n", the binary data, "\nendstream": an optional \r before the "\n"
  // would swallow the last byte of a compressed stream ending in 0x0D (1 in 256), and the
  // inflate would then fail.
  for (const match of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    const bytes = Buffer.from(match[1]!, "latin1");
    let content: string;
    try {
      content = inflateSync(bytes).toString("latin1");
    } catch {
      content = bytes.toString("latin1");
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join("");
      lines.push([...Buffer.from(hex, "hex")].map(winAnsiChar).join(""));
    }
  }
  return lines.join("\n");
}

/** Bytes 0x80–0x9F of WinAnsi (Windows-1252) are typographic characters, not Latin-1 controls. */
const WIN_ANSI_80 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

const winAnsiChar = (byte: number) =>
  byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_80[byte - 0x80]! : String.fromCharCode(byte);
