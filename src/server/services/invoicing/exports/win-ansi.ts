// The PDF standard fonts (Helvetica and the other 13) encode text in WinAnsi (Windows-1252):
// any other character would corrupt the text stream, so it is shown as "?".

/** WinAnsi's characters beyond Latin-1 (its bytes 0x80–0x9F). */
const WIN_ANSI_EXTRAS = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

export function printable(value: string): string {
  return [...value.normalize("NFC")]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (ch === "\n") return ch;
      // Intl puts (narrow) no-break spaces into some formats; a plain space reads the same.
      if (ch === "\u202f" || ch === "\u00a0") return " ";
      if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || WIN_ANSI_EXTRAS.has(ch)) return ch;
      return "?";
    })
    .join("");
}
