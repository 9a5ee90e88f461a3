import { Box, Text } from 'ink';
import { showControls } from '../../src/util/controls.js';
import type { Line, Style } from './lines.js';

type TextStyle = { color?: string; dimColor?: boolean; bold?: boolean; inverse?: boolean; underline?: boolean };

// Every style stays visible without colour: changes carry [- -] {+ +} markers in the text itself,
// highlights fall back to underline, inverse and dim, which NO_COLOR does not forbid.
const COLOUR: Record<Style, TextStyle> = {
  plain: {},
  dim: { dimColor: true },
  bold: { bold: true },
  cursor: { inverse: true },
  del: { color: 'red' },
  add: { color: 'green' },
  copy: { color: 'yellow', underline: true },
  boilerplate: { dimColor: true, underline: true },
  spot: { inverse: true },
  error: { color: 'red', bold: true },
  splice: { color: 'red', bold: true, inverse: true },
  slot: { color: 'cyan', bold: true },
};

const PLAIN: Record<Style, TextStyle> = {
  plain: {},
  dim: { dimColor: true },
  bold: { bold: true },
  cursor: { inverse: true },
  del: {},
  add: {},
  copy: { underline: true },
  boilerplate: { dimColor: true, underline: true },
  spot: { inverse: true },
  error: { bold: true },
  splice: { bold: true, inverse: true },
  slot: { bold: true },
};

/**
 * Draws prepared lines; each already fits the width, so Ink never wraps them. Views get their
 * text with control characters made visible (see visibleInput); text from elsewhere (a typed
 * note, a workspace path) is made visible here, the last step before the terminal.
 */
export function Screen({ lines, width, color }: { lines: Line[]; width: number; color: boolean }) {
  const styles = color ? COLOUR : PLAIN;
  return (
    <Box flexDirection="column" width={width}>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate">
          {line.length === 0
            ? ' '
            : line.map((span, j) => (
                <Text key={j} {...styles[span.style ?? 'plain']}>
                  {showControls(span.text)}
                </Text>
              ))}
        </Text>
      ))}
    </Box>
  );
}
