import { escapeControlCharacters } from "../io/escapeControl";

/** Characters with a meaning in a GFM table cell: escapes, cell breaks, raw HTML, links, code spans. */
const MARKDOWN_SPECIAL = /[\\|<>[\]`]/g;

/**
 * Escapes text for GitHub-flavoured Markdown, so any value (an id, a segment, a currency code)
 * prints as itself in a table cell or a sentence: `\ | < > [ ] \`` get a backslash (CommonMark
 * backslash escapes: `\<script>` is text, not a tag; `\[x\](y)` is not a link; `\|` does not
 * end a cell), and line breaks and other control characters become visible escapes (`\n`,
 * `\x1b`, see `escapeControlCharacters`), so a value can neither end a table row nor open a tag,
 * a link or a code span.
 *
 * @example
 * escapeMarkdown("<img src=x>|[a](b)\n") //=> "\\<img src=x\\>\\|\\[a\\](b)\\n"
 */
export function escapeMarkdown(text: string): string {
  return escapeControlCharacters(text.replace(MARKDOWN_SPECIAL, "\\$&"));
}
