// Reads one JSON value per line on stdin and writes, per line, its TOON encoding as a JSON string
// (null when it cannot be encoded). evaluation/report.sh starts this once for all JSON units, so node
// starts once per report rather than once per unit.
// JSON.parse reads numbers as doubles (100.00 becomes 100); TOON normalises numbers the same way.
import { createInterface } from 'node:readline';
import { encode } from '@toon-format/toon';

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  let out = null;
  try {
    out = encode(JSON.parse(line));
  } catch {
    out = null;
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}
