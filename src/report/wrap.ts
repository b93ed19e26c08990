// Word wrapping and word-boundary shortening for plain text (no escape codes): lines break at spaces, a word
// longer than a line is split, and a shortened text ends at a whole word with an ellipsis. Nothing is dropped
// by `wrapWords`; `cutAtWord` is for places with a hard budget (diagram labels).

/** Splits `text` into lines of at most `width` characters, breaking at spaces where it can. */
export function wrapWords(text: string, width: number): string[] {
  const limit = Math.max(1, Math.floor(width));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/ +/)) {
    if (word === "") continue;
    const joined = line === "" ? word : `${line} ${word}`;
    if (joined.length <= limit) {
      line = joined;
      continue;
    }
    if (line !== "") lines.push(line);
    line = word;
    while (line.length > limit) {
      lines.push(line.slice(0, limit));
      line = line.slice(limit);
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}

/** At most `maxChars` characters, ending at a whole word followed by `…` when it had to be shortened. */
export function cutAtWord(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const room = Math.max(1, maxChars - 1);
  const head = text.slice(0, room + 1);
  const space = head.lastIndexOf(" ");
  const cut = space >= room / 2 ? head.slice(0, space) : text.slice(0, room);
  return `${cut.trimEnd()}…`;
}
