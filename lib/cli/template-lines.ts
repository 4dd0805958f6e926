import type { ResourceLocation } from '../model/source';

/**
 * The 1-based line of each resource's key under Resources in a template's text, as resource locations
 * (GitHub code scanning places SARIF alerts by region.startLine). Set on the template input when it is
 * read, so every source built from the template carries its line.
 */
export function resourceLocations(text: string): Map<string, ResourceLocation> {
  const locations = new Map<string, ResourceLocation>();
  for (const [logicalId, line] of indexResources(text)) locations.set(logicalId, { line });
  return locations;
}

const RESOURCES_KEY = /^[ \t]*["']?Resources["']?[ \t]*:/m;
/** A mapping key at the start of a line (sticky: matched where lastIndex is, never across lines). */
const KEY = /([ \t]*)["']?([A-Za-z0-9]+)["']?[ \t]*:/y;

/**
 * Keys at the first indentation under the top-level Resources key (JSON or block YAML). One scan with
 * indexOf: a template of 50,000 lines is not split into an array, and lines deeper than the resource
 * keys (nearly all of them) are passed over by one character test before any regular expression.
 */
function indexResources(text: string): Map<string, number> {
  const index = new Map<string, number>();
  const start = RESOURCES_KEY.exec(text);
  if (!start) return index;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < start.index; i = text.indexOf('\n', i + 1)) line++;
  let indent: number | undefined;
  for (let newline = text.indexOf('\n', start.index); newline !== -1;) {
    const lineStart = newline + 1;
    line++;
    newline = text.indexOf('\n', lineStart);
    const end = newline === -1 ? text.length : newline;
    if (indent !== undefined && end - lineStart > indent) {
      const c = text.charCodeAt(lineStart + indent);
      if (c === 32 || c === 9) continue; // deeper than the resource keys
    }
    KEY.lastIndex = lineStart;
    const match = KEY.exec(text);
    if (!match || KEY.lastIndex > end) continue;
    const depth = match[1].length;
    indent ??= depth;
    if (depth < indent) break; // left the Resources block
    if (depth === indent && !index.has(match[2])) index.set(match[2], line);
  }
  return index;
}
