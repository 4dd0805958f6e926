/**
 * Line numbers of resources in the template files the CLI read, so SARIF results can point at a line
 * (GitHub code scanning places alerts by region.startLine). Each file is indexed once, on first use.
 */
export class TemplateLines {
  private readonly texts = new Map<string, string>();
  private readonly indexes = new Map<string, Map<string, number>>();

  add(templatePath: string, text: string): void {
    this.texts.set(templatePath, text);
  }

  /** 1-based line of the resource's key under Resources, or undefined when not found. */
  lineOf(templatePath: string, logicalId: string): number | undefined {
    let index = this.indexes.get(templatePath);
    if (!index) {
      index = indexResources(this.texts.get(templatePath) ?? '');
      this.indexes.set(templatePath, index);
    }
    return index.get(logicalId);
  }
}

/** Keys at the first indentation under the top-level Resources key (JSON or block YAML). */
function indexResources(text: string): Map<string, number> {
  const index = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^\s*["']?Resources["']?\s*:/.test(l));
  if (start < 0) return index;
  let indent: number | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    // Cheap skip of the (many) deeper lines before any regular expression.
    if (indent !== undefined && lines[i].length > indent && (lines[i][indent] === ' ' || lines[i][indent] === '\t')) continue;
    const match = /^(\s*)["']?([A-Za-z0-9]+)["']?\s*:/.exec(lines[i]);
    if (!match) continue;
    const depth = match[1].length;
    indent ??= depth;
    if (depth < indent) break; // left the Resources block
    if (depth === indent && !index.has(match[2])) index.set(match[2], i + 1);
  }
  return index;
}
