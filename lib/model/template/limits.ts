import { TemplateError } from './errors';

/** Deeper than this, a template is refused: no real template nests a tenth as deep, and the builder recurses. */
export const MAX_DEPTH = 1000;

/**
 * More values than this once YAML aliases are expanded, and a template is refused (an alias bomb: a few
 * lines whose aliases multiply to billions of values). A 1 MB template, CloudFormation's limit, has far fewer.
 */
export const MAX_EXPANDED_VALUES = 5_000_000;

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function childrenOf(value: Container): [string, unknown][] {
  return Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
}

function pathText(path: readonly string[]): string {
  const shown =
    path.length > 8 ? [...path.slice(0, 6), `… (${path.length - 7} more levels)`, path[path.length - 1]] : path;
  return shown.join('.');
}

interface Frame {
  readonly value: Container;
  readonly children: [string, unknown][];
  next: number;
  size: number;
}

/**
 * Refuse a parsed template that the builder could not walk safely: a value that contains itself (a YAML
 * self-alias), nesting deeper than MAX_DEPTH, or aliases that expand to more than MAX_EXPANDED_VALUES.
 * Shared values (YAML aliases) are measured once, so the check is linear in the template as written.
 * @throws TemplateError E_TEMPLATE_CYCLE, E_TEMPLATE_TOO_DEEP, E_TEMPLATE_TOO_LARGE, naming the file and path.
 */
export function checkTemplateShape(template: unknown, file?: string): void {
  if (!isContainer(template)) return;
  const sizes = new Map<Container, number>();
  const open = new Set<Container>();
  const path: string[] = [];
  const stack: Frame[] = [{ value: template, children: childrenOf(template), next: 0, size: 1 }];
  open.add(template);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.children.length) {
      stack.pop();
      open.delete(frame.value);
      sizes.set(frame.value, frame.size);
      path.pop();
      if (stack.length > 0) addSize(stack[stack.length - 1], frame.size, path, file);
      continue;
    }
    const [key, child] = frame.children[frame.next++];
    if (!isContainer(child)) {
      addSize(frame, 1, path, file);
      continue;
    }
    const known = sizes.get(child);
    if (known !== undefined) {
      addSize(frame, known, path, file);
      continue;
    }
    if (open.has(child)) {
      throw new TemplateError(
        'E_TEMPLATE_CYCLE',
        `the value at ${pathText([...path, key])} contains itself (a YAML alias inside the anchor it refers to)`,
        'replace the alias with the value it should have; a CloudFormation template is a tree',
        file,
      );
    }
    if (path.length + 1 >= MAX_DEPTH) {
      throw new TemplateError(
        'E_TEMPLATE_TOO_DEEP',
        `the template nests more than ${MAX_DEPTH} levels deep at ${pathText([...path, key])}`,
        `flatten the value: no CloudFormation property needs ${MAX_DEPTH} levels`,
        file,
      );
    }
    path.push(key);
    open.add(child);
    stack.push({ value: child, children: childrenOf(child), next: 0, size: 1 });
  }
}

function addSize(frame: Frame, size: number, path: readonly string[], file: string | undefined): void {
  frame.size += size;
  if (frame.size > MAX_EXPANDED_VALUES) {
    throw new TemplateError(
      'E_TEMPLATE_TOO_LARGE',
      `the template expands to more than ${MAX_EXPANDED_VALUES.toLocaleString('en-US')} values at ${pathText(path) || '(top level)'} (YAML aliases that multiply: an alias bomb?)`,
      'write the repeated values out, or use fewer nested aliases',
      file,
    );
  }
}
