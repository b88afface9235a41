/** The few shortcodes our messages use, shown as the emoji Slack would draw. Others stay as typed. */
const EMOJI: Record<string, string> = {
  warning: '⚠️',
  double_vertical_bar: '⏸️',
  white_check_mark: '✅',
  heavy_check_mark: '✔️',
  x: '❌',
  rocket: '🚀',
  hourglass_flowing_sand: '⏳',
  information_source: 'ℹ️',
  link: '🔗',
  test_tube: '🧪',
  tada: '🎉',
  wave: '👋',
  eyes: '👀',
  no_entry: '⛔',
  bell: '🔔',
  no_bell: '🔕',
};

/** Replaces `:name:` shortcodes with their emoji; the text must already be HTML-escaped. */
export function replaceEmojiShortcodes(html: string): string {
  return html.replace(/:([a-z0-9_+-]+):/g, (whole, name: string) =>
    Object.hasOwn(EMOJI, name) ? (EMOJI[name] ?? whole) : whole,
  );
}
