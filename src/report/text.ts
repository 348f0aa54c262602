/**
 * Text laid out in columns on a terminal. Widths are display columns measured by string-width
 * (East Asian Wide and Fullwidth characters, as Chinese, take two; colour escapes take none), so
 * columns line up in Chinese as in English; for ASCII text it is padEnd/padStart.
 */
import stringWidth from 'string-width';

/** `s` followed by spaces up to `width` display columns (nothing added when it is already as wide). */
export function padEndWidth(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

/** `s` preceded by spaces up to `width` display columns. */
export function padStartWidth(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - stringWidth(s))) + s;
}

/** The display columns `s` takes on a terminal. */
export function terminalWidth(s: string): number {
  return stringWidth(s);
}

// A wrapped line may break between two Chinese characters as at a space, but never before a
// closing mark (，。）…) nor after an opening one (（《 …).
const OPEN = '（《「『“‘【〔';
const CLOSE = '，。、；：）》」』”’】〕！？';
const CHUNK = new RegExp(`\\s*[${OPEN}]*(?:\\p{sc=Han}|[^\\s\\p{sc=Han}${OPEN}${CLOSE}]+)?[${CLOSE}]*`, 'gu');

/**
 * `text` wrapped to lines of at most `width` display columns (a word wider than that keeps its
 * own line): lines break at spaces, as commander's help does, and also between Chinese
 * characters, which have no spaces between them.
 */
export function wrapWidth(text: string, width: number): string {
  return text
    .split(/\r\n|\n/)
    .map((line) => {
      const chunks = (line.match(CHUNK) ?? []).filter((c) => c !== '');
      const lines: string[] = [];
      let current = '';
      for (const chunk of chunks) {
        if (current !== '' && stringWidth(current + chunk) > width) {
          lines.push(current);
          current = chunk.trimStart();
        } else current += chunk;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}
